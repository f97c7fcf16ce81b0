import { max, mean, median, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';

/** Descriptive statistics of one sample (STATISTICS.md: mean, sd, median, IQR, min, max, n). */
export interface Summary {
  readonly n: number;
  readonly mean: number;
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
  return {
    n: values.length,
    mean: mean(sorted),
    sd: values.length > 1 ? sampleStandardDeviation(sorted) : 0,
    median: median(sorted),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: min(sorted),
    max: max(sorted),
  };
}

/** Groups items by a string key, keeping first-seen key order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Rounds for inlined figure data: keeps specs small and byte-stable across platforms. */
export const roundTo = (value: number, digits = 6): number => Number(value.toFixed(digits));
