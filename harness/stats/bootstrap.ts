import { quantileSorted, sampleWithReplacement } from 'simple-statistics';
import { Rng } from '../../algorithms/random/rng.js';

/** A percentile bootstrap interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** An interval with how it was obtained, for a caption ("95 % bootstrap CI …, 2000 resamples, seed …"). */
export interface BootstrapInterval extends Interval {
  /** confidence level, e.g. 0.95 */
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
}

export interface BootstrapOptions {
  /** resamples (default 2000) */
  readonly resamples?: number;
  /** coverage (default 0.95) */
  readonly level?: number;
  /** the resampling stream; default a fixed seed, so a table is the same on every run */
  readonly seed?: number;
}

/** The seed of every bootstrap interval the report and tables show (any fixed value: the intervals are then reproducible). */
export const BOOTSTRAP_SEED = 20180923;

/** Percentile interval of `draw` over `options.resamples` resamples from the seeded stream. */
function percentileBootstrap(options: BootstrapOptions, draw: (random: () => number) => number): BootstrapInterval {
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const rng = Rng.fromSeed(seed);
  const random = () => rng.float();
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const values = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) values[i] = draw(random);
  const sorted = Array.from(values).sort((a, b) => a - b);
  return { low: quantileSorted(sorted, (1 - level) / 2), high: quantileSorted(sorted, 1 - (1 - level) / 2), level, resamples, seed };
}

/**
 * Percentile bootstrap interval of `statistic` over samples drawn with replacement from each of
 * `samples` (same sizes as the originals; simple-statistics' sampleWithReplacement fed by the
 * seeded Rng). Several samples are resampled independently (e.g. a ratio of two means, or the GA
 * against every competitor of a cell). Undefined when there is no sample or one is empty.
 */
export function bootstrapInterval(
  samples: readonly (readonly number[])[],
  statistic: (...resampled: number[][]) => number,
  options: BootstrapOptions = {},
): BootstrapInterval | undefined {
  if (samples.length === 0 || samples.some((sample) => sample.length === 0)) return undefined;
  return percentileBootstrap(options, (random) => statistic(...samples.map((sample) => sampleWithReplacement([...sample], sample.length, random))));
}

/**
 * Interval of the best of `k` runs (a published "best of k"): resamples of size k from the
 * runs, their maximum. What the best of k runs of this code would be, in 95 % of repetitions.
 */
export function bestOfInterval(runs: readonly number[], k: number, options: BootstrapOptions = {}): BootstrapInterval | undefined {
  if (runs.length === 0 || k < 1) return undefined;
  return percentileBootstrap(options, (random) => Math.max(...sampleWithReplacement([...runs], k, random)));
}

export const contains = (interval: Interval | undefined, value: number): boolean =>
  interval !== undefined && interval.low <= value && value <= interval.high;
