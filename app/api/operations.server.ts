import type { Operation } from "./operation";
import { READ_OPERATIONS } from "./reads.server";
import { SUPPLIER_OPERATIONS } from "./suppliers.server";

/** Every operation of /api/v1, in the order the reference lists them. */
export const OPERATIONS: Operation[] = [...SUPPLIER_OPERATIONS, ...READ_OPERATIONS];
