import type { ImportPhase, ImportStatus } from "~db/schema/imports.constants";

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  mapping: "Waiting for mapping",
  queued: "Queued",
  running: "Importing",
  done: "Done",
  failed: "Failed",
};

export const IMPORT_STATUS_TONES: Record<ImportStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  mapping: "amber",
  queued: "blue",
  running: "blue",
  done: "green",
  failed: "red",
};

export const IMPORT_PHASE_LABELS: Record<ImportPhase, string> = {
  rows: "Checking and saving suppliers",
  links: "Linking parents and sub-suppliers",
  finish: "Updating tiers",
};
