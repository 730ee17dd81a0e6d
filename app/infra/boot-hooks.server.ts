import { startOutboxSender } from "~/email/sender.server";
/**
 * Start-up work registered by capabilities (seeding, background workers), run in order by boot().
 * A hook may return a function that stops what it started.
 */
export type BootHook = (args: {
  log: (line: string) => void;
}) => Promise<(() => Promise<void> | void) | void> | (() => Promise<void> | void) | void;

export const bootHooks: BootHook[] = [];
bootHooks.push(({ log }) => startOutboxSender({ log }));
