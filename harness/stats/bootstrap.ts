import { quantileSorted } from 'simple-statistics';
import { Rng } from '../../algorithms/random/rng.js';

export interface BootstrapInterval {
  readonly low: number;
  readonly high: number;
  /** confidence level, e.g. 0.95 */
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
}

/** The seed of every bootstrap interval the report shows (any fixed value: the intervals are then reproducible). */
export const BOOTSTRAP_SEED = 20180923;

/**
 * Percentile bootstrap confidence interval of `statistic` over several independent samples
 * (e.g. the runs of each algorithm in one cell): each resample draws every sample with
 * replacement at its own size, from a seeded Rng, so the interval is the same on every run.
 */
export function bootstrapInterval(
  samples: readonly (readonly number[])[],
  statistic: (resampled: readonly number[][]) => number,
  options: { resamples?: number; level?: number; seed?: number } = {},
): BootstrapInterval {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? BOOTSTRAP_SEED;
  if (samples.some((sample) => sample.length === 0)) throw new Error('bootstrap: every sample needs at least one value');
  const rng = Rng.fromSeed(seed);
  const values = new Float64Array(resamples);
  const drawn = samples.map((sample) => new Array<number>(sample.length));
  for (let r = 0; r < resamples; r++) {
    samples.forEach((sample, s) => {
      for (let i = 0; i < sample.length; i++) drawn[s][i] = sample[rng.below(sample.length)];
    });
    values[r] = statistic(drawn);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail), level, resamples, seed };
}
