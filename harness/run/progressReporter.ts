import cliProgress from 'cli-progress';
import { RemainingTime } from './remainingTime.js';

export interface ProgressReporter {
  /** one trial finished; `cost` is its estimated cost (what the bar and the ETA are based on) */
  advance(cost: number, failed: boolean): void;
  stop(): void;
}

/**
 * Progress over the trials of this run, by estimated work rather than trial count (RemainingTime):
 * a bar on a terminal (cli-progress) with the share of the estimated work, trials done and an ETA
 * in time units; a line at every further 10 % of the work or every 30 s otherwise (logs, CI, Slurm).
 * cli-progress's own `eta` counts trials and would overwrite a payload of that name, so the
 * harness's estimate travels as `remaining`. (cli-progress's `noTTYOutput` prints on a fixed timer
 * only, not at each 10 % nor at the end, so log lines are written here.)
 */
export function createProgressReporter(total: number, totalCost: number, stream: NodeJS.WriteStream = process.stderr, now: () => number = () => Date.now()): ProgressReporter {
  const started = now();
  const estimate = new RemainingTime(totalCost);
  let done = 0;
  let failed = 0;
  const eta = (): string => {
    const seconds = estimate.secondsLeft(now());
    return seconds === undefined ? '…' : formatSeconds(seconds);
  };
  // all trials done is all the work, whatever the float sum of their estimated costs (it ended at 99 %)
  const shareDone = () => (done >= total ? 1 : estimate.shareDone);
  const percent = () => Math.floor(100 * shareDone());
  const failures = () => (failed > 0 ? ` | ${failed} failed` : '');

  if (stream.isTTY) {
    // the bar's value is the done share in per mille of the estimated work
    const bar = new cliProgress.SingleBar({
      format: '{bar} {work}% of the work | {trials}/{total_trials} trials | {elapsed} elapsed | ETA {remaining}{failed}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    const payload = () => ({ work: percent(), trials: done, total_trials: total, elapsed: formatSeconds((now() - started) / 1000), remaining: eta(), failed: failures() });
    const value = () => Math.round(1000 * shareDone());
    bar.start(1000, 0, payload());
    const ticker = setInterval(() => bar.update(value(), payload()), 1000);
    ticker.unref();
    return {
      advance(cost, trialFailed) {
        done++;
        estimate.record(cost, now());
        if (trialFailed) failed++;
        bar.update(value(), payload());
      },
      stop() {
        clearInterval(ticker);
        bar.stop();
      },
    };
  }

  let lastLine = started;
  let lastDecile = 0;
  return {
    advance(cost, trialFailed) {
      done++;
      estimate.record(cost, now());
      if (trialFailed) failed++;
      const decile = Math.floor(10 * shareDone());
      if (decile > lastDecile || now() - lastLine > 30_000 || done === total) {
        lastDecile = decile;
        lastLine = now();
        stream.write(`  ${done}/${total} trials, ${percent()} % of the estimated work, ${formatSeconds((now() - started) / 1000)} elapsed, ETA ${eta()}${failures()}\n`);
      }
    },
    stop() {},
  };
}

/** Every duration the CLIs print (estimates, elapsed, ETA, closing lines): tenths below 10 s (`2.4 s`), then `42 s`, `3 min 10 s`, `2 h 03 min`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
