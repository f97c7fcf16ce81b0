import { interquartileRange, max, mean, median, min, sampleStandardDeviation } from 'simple-statistics';

/** The full descriptive statistics of one sample (STATISTICS.md); undefined where they do not exist. */
export interface Descriptive {
  readonly n: number;
  readonly mean?: number;
  /** sample standard deviation (n − 1); needs n ≥ 2 */
  readonly sd?: number;
  readonly median?: number;
  readonly iqr?: number;
  readonly min?: number;
  readonly max?: number;
}

export function describe(values: readonly number[]): Descriptive {
  if (values.length === 0) return { n: 0 };
  const sample = [...values];
  return {
    n: sample.length,
    mean: mean(sample),
    sd: sample.length >= 2 ? sampleStandardDeviation(sample) : undefined,
    median: median(sample),
    iqr: interquartileRange(sample),
    min: min(sample),
    max: max(sample),
  };
}
