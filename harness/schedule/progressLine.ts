import type { Progress } from '../../algorithms/algorithm.js';

/** How often the progress line is redrawn: often on a terminal, rarely in a log file. */
const TERMINAL_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5000;

/** Where the line goes and the clock it reads (tests pass a fake of both). */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A throttled progress line on stderr for `onProgress` —
 * `genetic seed 1  step 40/90  1625 evaluations (44 %)  best F 0.6123  3.2 s`: redrawn in place on
 * a terminal (every 100 ms at most; "starting…" until the first step, since sampling the start of
 * a large set takes a while), a full line every 5 s when stderr is a file or pipe (so long runs
 * still show life in logs while short ones print nothing).
 */
export function progressLine(label: string, stream: ProgressOutput = process.stderr, now: () => number = () => performance.now()) {
  const started = now();
  const interactive = stream.isTTY === true;
  const interval = interactive ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
  let lastDrawn = started;
  let drawn = interactive;
  if (interactive) stream.write(`\r${label}  starting (building the initial solutions)…\u001b[K`);
  const text = (progress: Progress) => {
    const seconds = ((now() - started) / 1000).toFixed(1);
    const steps = Number.isFinite(progress.totalSteps) ? `${progress.step}/${progress.totalSteps}` : `${progress.step}`;
    return `${label}  step ${steps}  ${progress.evaluations} evaluations (${Math.round(progress.fractionDone * 100)} %)  best F ${progress.bestFitness.toFixed(4)}  ${seconds} s`;
  };
  return {
    update(progress: Progress): void {
      const time = now();
      if (time - lastDrawn < interval) return;
      lastDrawn = time;
      drawn = true;
      stream.write(interactive ? `\r${text(progress)}\u001b[K` : `${text(progress)}\n`);
    },
    /** Ends the line on a terminal, so the next output starts on a fresh one. */
    finish(): void {
      if (interactive && drawn) stream.write('\r\u001b[K');
    },
  };
}
