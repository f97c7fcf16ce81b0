import type { Problem } from '../problem/problem.js';

/**
 * Running experiments with fixed groups first (pinned in time and in groups: the least freedom),
 * then the other running ones, then by priority (highest first); ties in input order.
 */
export function placementOrder(problem: Problem): number[] {
  const order = problem.experiments.map((_, e) => e);
  const pinned = (e: number) => problem.running[e] * (problem.fixedGroupMask[e] !== 0 ? 2 : 1);
  return order.sort((a, b) =>
    (pinned(b) - pinned(a)) ||
    (problem.experiments[b].priority - problem.experiments[a].priority) ||
    (a - b));
}
