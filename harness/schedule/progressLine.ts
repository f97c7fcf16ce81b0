import type { Progress } from '../../algorithms/algorithm.js';

/** How often the progress line is redrawn: often on a terminal, rarely in a log file. */
const TERMINAL_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5000;

/**
 * A throttled progress line on stderr for `onProgress`: redrawn in place on a terminal, an
 * occasional full line when stderr is a file or pipe (so long runs still show life in logs).
 */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const interactive = stream.isTTY === true;
  const interval = interactive ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
  let lastDrawn = started;
  let drawn = false;
  const text = (progress: Progress) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const steps = Number.isFinite(progress.totalSteps) ? `${progress.step}/${progress.totalSteps}` : `${progress.step}`;
    return `${label}  step ${steps}  ${progress.evaluations} evaluations (${Math.round(progress.fractionDone * 100)} %)  best F ${progress.bestFitness.toFixed(4)}  ${seconds} s`;
  };
  return {
    update(progress: Progress): void {
      const now = performance.now();
      if (now - lastDrawn < interval) return;
      lastDrawn = now;
      drawn = true;
      stream.write(interactive ? `\r${text(progress)}\u001b[K` : `${text(progress)}\n`);
    },
    /** Ends the line on a terminal, so the next output starts on a fresh one. */
    finish(): void {
      if (interactive && drawn) stream.write('\r\u001b[K');
    },
  };
}
