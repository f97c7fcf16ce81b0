import cliProgress from 'cli-progress';

export interface ProgressReporter {
  /** one trial finished; `cost` is its estimated cost (what the ETA is based on) */
  advance(cost: number, failed: boolean): void;
  stop(): void;
}

/**
 * Progress with an ETA over the trials of this run: a bar on a terminal (cli-progress), a line
 * every 10 % or 30 s otherwise (logs, CI, Slurm). The ETA extrapolates the elapsed time by the
 * trials' estimated costs, not their count, since a 70-experiment trial takes 7× a 10-experiment one.
 */
export function createProgressReporter(total: number, totalCost: number, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const started = Date.now();
  let done = 0;
  let doneCost = 0;
  let failed = 0;
  const eta = (): string => {
    if (done === 0 || doneCost <= 0) return '…';
    const elapsed = (Date.now() - started) / 1000;
    return formatDuration((elapsed * Math.max(0, totalCost - doneCost)) / doneCost);
  };
  const payload = () => ({ eta: eta(), failed: failed > 0 ? ` | ${failed} failed` : '' });

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: '{bar} {percentage}% | {value}/{total} trials | ETA {eta}{failed}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, payload());
    const ticker = setInterval(() => bar.update(done, payload()), 1000);
    ticker.unref();
    return {
      advance(cost, trialFailed) {
        done++;
        doneCost += cost;
        if (trialFailed) failed++;
        bar.update(done, payload());
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
      doneCost += cost;
      if (trialFailed) failed++;
      const decile = Math.floor((10 * done) / total);
      if (decile > lastDecile || Date.now() - lastLine > 30_000 || done === total) {
        lastDecile = decile;
        lastLine = Date.now();
        stream.write(`  ${done}/${total} trials (${Math.round((100 * done) / total)} %), ETA ${eta()}${payload().failed}\n`);
      }
    },
    stop() {},
  };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
