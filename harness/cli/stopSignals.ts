import { constants } from 'node:os';

/** How long after a stop signal further ones count as copies of it, not as a second Ctrl-C. */
export const RELAY_GRACE_MS = 1000;

export interface StopSignals {
  /** aborted at the first SIGINT or SIGTERM */
  readonly signal: AbortSignal;
  /** the first stop signal received, if any */
  received(): NodeJS.Signals | undefined;
  /** 128 + the signal's number (SIGINT 130, SIGTERM 143), the exit code of a clean stop */
  exitCode(): number | undefined;
  /** run before a forced exit (a second signal): e.g. flush the journal */
  onForce(action: () => void): void;
}

/**
 * Handles SIGINT and SIGTERM however they arrive. The first one asks for a clean stop (the
 * signal aborts). A Ctrl-C reaches every process of the terminal's group, and npm and tsx relay
 * it to their child as well, so the harness may get the same stop two or three times within
 * milliseconds: signals within RELAY_GRACE_MS of the first are those copies and are ignored. A
 * signal after that is a second Ctrl-C: the process exits at once (the journal is consistent:
 * every line is one complete write).
 */
export function installStopSignals(describe: (signal: NodeJS.Signals, graceMs: number) => string): StopSignals {
  const controller = new AbortController();
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const forceActions: (() => void)[] = [];
  const handle = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (!first) {
      first = { signal, at: now };
      process.stderr.write(`\n${describe(signal, RELAY_GRACE_MS)}\n`);
      controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    if (now - first.at < RELAY_GRACE_MS) return; // the same stop, relayed by npm/tsx or sent to the whole group
    for (const action of forceActions) {
      try {
        action();
      } catch {
        // exiting anyway
      }
    }
    process.stderr.write(`\n${signal} again: stopped at once; the journal is consistent (each line is one complete write), run the same command to resume\n`);
    process.exit(128 + constants.signals[signal]);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: controller.signal,
    received: () => first?.signal,
    exitCode: () => (first ? 128 + constants.signals[first.signal] : undefined),
    onForce: (action) => forceActions.push(action),
  };
}
