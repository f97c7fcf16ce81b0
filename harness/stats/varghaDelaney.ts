import { wilcoxonRankSum } from 'simple-statistics';

export type EffectMagnitude = 'negligible' | 'small' | 'medium' | 'large';

/** Vargha & Delaney (2000) thresholds on |Â12 − 0.5|, stated in every table that reports a magnitude. */
export const A12_THRESHOLDS = { small: 0.06, medium: 0.14, large: 0.21 } as const;
export const A12_THRESHOLDS_TEXT = '|A12-0.5|: <0.06 negligible, <0.14 small, <0.21 medium, else large (Vargha & Delaney 2000)';

/**
 * Vargha–Delaney Â12 = (R1/n1 − (n1+1)/2) / n2: the probability that a run of the first sample
 * yields a larger value than a run of the second, ties counting one half.
 */
export function varghaDelaneyA12(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 || y.length === 0) throw new Error('Vargha–Delaney Â12 needs two non-empty samples');
  const rankSum = wilcoxonRankSum([...x], [...y]);
  return (rankSum / x.length - (x.length + 1) / 2) / y.length;
}

export function a12Magnitude(a12: number): EffectMagnitude {
  // rounded so that the published cut points (0.56, 0.64, 0.71) fall on the upper side despite float error
  const distance = Math.round(Math.abs(a12 - 0.5) * 1e9) / 1e9;
  if (distance < A12_THRESHOLDS.small) return 'negligible';
  if (distance < A12_THRESHOLDS.medium) return 'small';
  if (distance < A12_THRESHOLDS.large) return 'medium';
  return 'large';
}
