import { max, mean, median, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';

/** Descriptive statistics of one non-empty sample (STATISTICS.md: mean, sd, median, quartiles, min, max, n). */
export interface Summary {
  readonly n: number;
  readonly mean: number;
  /** sample standard deviation (n − 1); 0 for one value */
  readonly sd: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('cannot summarise an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  // mean and sd summed in the sample's own order, as the tables always did (float sums depend on order)
  return {
    n: values.length,
    mean: mean([...values]),
    sd: values.length > 1 ? sampleStandardDeviation([...values]) : 0,
    median: median(sorted),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: min(sorted),
    max: max(sorted),
  };
}

/** The same statistics for the tables, where a sample may be empty: undefined where they do not exist. */
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
  const s = summarise(values);
  return { n: s.n, mean: s.mean, sd: s.n >= 2 ? s.sd : undefined, median: s.median, iqr: s.q3 - s.q1, min: s.min, max: s.max };
}
