import { describe, expect, it } from 'vitest';
import { describe as describeSample } from '../../harness/stats/descriptiveStatistics.js';
import { holmAdjust } from '../../harness/stats/holmAdjustment.js';
import { mannWhitneyU } from '../../harness/stats/mannWhitney.js';
import { a12Magnitude, varghaDelaneyA12 } from '../../harness/stats/varghaDelaney.js';

describe('Mann–Whitney U', () => {
  it('matches R wilcox.test(x, y, exact = FALSE, correct = TRUE) on the STATISTICS.md reference (ties)', () => {
    const result = mannWhitneyU([1, 2, 2, 4, 5, 3, 0], [4, 6, 3, 8, 11, 11]);
    expect(result.u1).toBe(4); // R's W
    expect(result.u).toBe(4);
    expect(result.method).toBe('normal');
    expect(result.pValue).toBeCloseTo(0.01778, 5);
    expect(Math.abs(result.pValue - 0.017778373)).toBeLessThan(1e-6);
  });

  it('is symmetric: swapping samples keeps U and p, W becomes n1·n2 − W', () => {
    const swapped = mannWhitneyU([4, 6, 3, 8, 11, 11], [1, 2, 2, 4, 5, 3, 0]);
    expect(swapped.u1).toBe(38);
    expect(swapped.u).toBe(4);
    expect(Math.abs(swapped.pValue - 0.017778373)).toBeLessThan(1e-6);
  });

  it('uses the exact distribution for small samples without ties, as R does (R doc example: W = 35)', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const exact = mannWhitneyU(x, y);
    expect(exact.method).toBe('exact');
    expect(exact.u1).toBe(35);
    expect(exact.pValue).toBeCloseTo(0.2544122544, 9); // R: one-sided 0.1272, two-sided twice that
    const normal = mannWhitneyU(x, y, { exact: false });
    expect(normal.pValue).toBeCloseTo(0.2446236051, 6);
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).pValue).toBeCloseTo(0.1, 12);
  });

  it('gives p = 1 when every value is tied', () => {
    const result = mannWhitneyU([1, 1, 1], [1, 1]);
    expect(result.u1).toBe(3);
    expect(result.pValue).toBe(1);
  });

  it('uses the normal approximation for large samples', () => {
    const x = Array.from({ length: 60 }, (_, i) => i);
    const y = Array.from({ length: 55 }, (_, i) => i + 20.5);
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('normal');
    expect(result.u1).toBe(780);
    expect(result.pValue / 1.1258207797e-6).toBeCloseTo(1, 4);
  });
});

describe('Vargha–Delaney Â12', () => {
  it('is U1 / (n1·n2), ties counting one half (hand computed)', () => {
    // x = (1, 2, 3), y = (2, 4): pairs x>y: (3,2) = 1; ties: (2,2) = 0.5 → 1.5 / 6
    expect(varghaDelaneyA12([1, 2, 3], [2, 4])).toBeCloseTo(0.25, 12);
    expect(varghaDelaneyA12([2, 4], [1, 2, 3])).toBeCloseTo(0.75, 12);
    expect(varghaDelaneyA12([5, 6], [1, 2])).toBe(1);
    expect(varghaDelaneyA12([1, 1], [1, 1, 1])).toBe(0.5);
    expect(varghaDelaneyA12([1, 2, 2, 4, 5, 3, 0], [4, 6, 3, 8, 11, 11])).toBeCloseTo(4 / 42, 12);
  });

  it('classifies magnitudes with the Vargha–Delaney thresholds', () => {
    expect(a12Magnitude(0.5)).toBe('negligible');
    expect(a12Magnitude(0.559)).toBe('negligible');
    expect(a12Magnitude(0.56)).toBe('small');
    expect(a12Magnitude(0.36)).toBe('medium');
    expect(a12Magnitude(0.71)).toBe('large');
    expect(a12Magnitude(0.0)).toBe('large');
  });
});

describe('descriptive statistics and Holm', () => {
  it('describes a sample', () => {
    const d = describeSample([1, 2, 3, 4]);
    expect(d).toMatchObject({ n: 4, mean: 2.5, median: 2.5, min: 1, max: 4 });
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(describeSample([7]).sd).toBeUndefined();
    expect(describeSample([]).n).toBe(0);
  });

  it('adjusts p-values step-down', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });
});
