import type { Problem } from '../problem/problem.js';

/**
 * Bound (a): every score is in [0, 1], so F ≤ w_D + w_U + w_S (1 with the paper's weights).
 * Summed in the order the model sums F, so a schedule scoring 1 everywhere gets exactly this value.
 */
export function trivialBound(problem: Problem): number {
  const { weights } = problem;
  return weights.duration * 1 + weights.userGroup * 1 + weights.start * 1;
}
