import type { Template } from "../model";
import { FORCED_LABOUR_SAQ_V1 } from "./forced-labour-saq.v1";
import { FORCED_LABOUR_SAQ_V2 } from "./forced-labour-saq.v2";

/** The id under which campaigns and the template list refer to the shipped forced-labour SAQ. */
export const BUILTIN_FORCED_LABOUR_ID = "builtin:forced-labour-saq";

/** The version of the built-in SAQ offered for new sends and clones. Older versions live on in snapshots. */
export const BUILTIN_FORCED_LABOUR_LATEST: Template = FORCED_LABOUR_SAQ_V2;

/** Every shipped version, by "key@version" (old assignments may name any of them). */
export const BUILTIN_VERSIONS: Record<string, Template> = {
  [`${FORCED_LABOUR_SAQ_V1.key}@${FORCED_LABOUR_SAQ_V1.version}`]: FORCED_LABOUR_SAQ_V1,
  [`${FORCED_LABOUR_SAQ_V2.key}@${FORCED_LABOUR_SAQ_V2.version}`]: FORCED_LABOUR_SAQ_V2,
};
