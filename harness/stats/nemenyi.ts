import { errorFunction } from 'simple-statistics';

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const Phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/**
 * P(range of k independent standard normals ≤ q): the studentized range distribution with
 * infinite degrees of freedom, k·∫ φ(z)·(Φ(z) − Φ(z − q))^(k−1) dz (Simpson's rule on [−8, 8 + q]).
 */
export function studentizedRangeCdf(q: number, k: number): number {
  if (q <= 0) return 0;
  const from = -8;
  const to = 8 + q;
  const steps = 1000; // even; Simpson on this smooth integrand is exact to ~1e-10 here
  const h = (to - from) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = from + i * h;
    const value = phi(z) * (Phi(z) - Phi(z - q)) ** (k - 1);
    sum += value * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return Math.min(1, (k * sum * h) / 3);
}

/** The q with studentizedRangeCdf(q, k) = p, by bisection (to 1e-9). */
export function studentizedRangeQuantile(p: number, k: number): number {
  let low = 0;
  let high = 20;
  while (high - low > 1e-9) {
    const middle = (low + high) / 2;
    if (studentizedRangeCdf(middle, k) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** q_α by k and α: the quantile takes ~0.1 s and every study of a run asks for the same few. */
const criticalValues = new Map<string, number>();

/**
 * Nemenyi's critical value q_α = q(1 − α; k, ∞) / √2 (Demšar 2006, Table 5a) and critical
 * difference CD = q_α·√(k(k+1) / (6N)): two of k algorithms ranked over N instances differ
 * significantly when their average ranks differ by at least CD.
 */
export function nemenyiCriticalDifference(k: number, blocks: number, alpha = 0.05): { qAlpha: number; criticalDifference: number } {
  const key = `${k}/${alpha}`;
  let qAlpha = criticalValues.get(key);
  if (qAlpha === undefined) criticalValues.set(key, (qAlpha = studentizedRangeQuantile(1 - alpha, k) / Math.SQRT2));
  return { qAlpha, criticalDifference: qAlpha * Math.sqrt((k * (k + 1)) / (6 * blocks)) };
}

/**
 * The groups of a critical-difference diagram: maximal runs of algorithms (sorted by average rank)
 * whose ranks lie within less than CD of each other — no two members differ significantly.
 * Returns index ranges into the sorted order, each of at least two algorithms.
 */
export function criticalDifferenceCliques(sortedRanks: readonly number[], criticalDifference: number): [number, number][] {
  const cliques: [number, number][] = [];
  for (let start = 0; start < sortedRanks.length; start++) {
    let end = start;
    while (end + 1 < sortedRanks.length && sortedRanks[end + 1] - sortedRanks[start] < criticalDifference) end++;
    if (end > start && !cliques.some(([s, e]) => s <= start && e >= end)) cliques.push([start, end]);
  }
  return cliques;
}
