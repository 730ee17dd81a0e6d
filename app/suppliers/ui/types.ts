import type { findLinkCandidates, SupplierDetail } from "~/suppliers/suppliers.server";

/** What the supplier page's loader hands to its components. */
export type SupplierPageData = SupplierDetail & {
  created: boolean;
  find: string;
  candidates: ReturnType<typeof findLinkCandidates>;
  can: {
    addSubSupplier: boolean;
    editLinks: boolean;
    edit: boolean;
    sendQuestionnaire: boolean;
    recordAudit: boolean;
    downloadEvidence: boolean;
    override: boolean;
  };
};
