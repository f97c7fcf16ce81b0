import type { Problem } from '../problem/problem.js';

/**
 * The fitness as a sum of per-experiment terms (spec §5):
 * F = constant + Σ_e duration[e]·minDuration_e/d_e + start[e]/(1+s_e) + coverage[e]·cov_e/d_e,
 * where cov_e is the number of hours with a preferred group primary. Every bound of this folder
 * maximises this sum under fewer constraints than the model has.
 */
export interface ObjectiveTerms {
  /** w_D · p_e / P */
  readonly duration: Float64Array;
  /** w_S · p_e / P */
  readonly start: Float64Array;
  /** w_U · p_e / Q for experiments with preferred groups, else 0 */
  readonly coverage: Float64Array;
  /** w_U when no experiment has preferred groups (U is then 1 by definition), else 0 */
  readonly constant: number;
}

export function objectiveTerms(problem: Problem): ObjectiveTerms {
  const { weights, experiments, prioritySum, preferredPrioritySum, preferredMask } = problem;
  if (weights.duration < 0 || weights.userGroup < 0 || weights.start < 0) {
    throw new Error('upper bounds need non-negative fitness weights');
  }
  const n = experiments.length;
  const duration = new Float64Array(n);
  const start = new Float64Array(n);
  const coverage = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const priority = experiments[e].priority;
    duration[e] = (weights.duration * priority) / prioritySum;
    start[e] = (weights.start * priority) / prioritySum;
    coverage[e] = preferredMask[e] !== 0 && preferredPrioritySum > 0 ? (weights.userGroup * priority) / preferredPrioritySum : 0;
  }
  return { duration, start, coverage, constant: preferredPrioritySum > 0 ? 0 : weights.userGroup };
}

/** Shortest duration an experiment may have: rule 1 (d ≥ minDuration) and rule 3 (at least one hour). */
export const shortestDuration = (minDuration: number): number => Math.max(1, minDuration);

/** The duration score minDuration/d exactly as the model computes it. */
export const durationScore = (minDuration: number, duration: number): number => (duration > 0 ? minDuration / duration : 0);

/**
 * Added to every bound before it is reported: the bounds are computed in double arithmetic,
 * whose rounding error on sums of a few thousand terms of size ≤ 1 stays below 1e-12; the
 * fitness itself is computed in doubles too. 1e-9 covers both with a wide margin.
 */
export const ROUNDING_MARGIN = 1e-9;
