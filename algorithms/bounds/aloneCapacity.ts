import { consumedRequestsInt32, FULL_CAPACITY_PERMILLE } from '../problem/fractions.js';
import type { Problem } from '../problem/problem.js';

/**
 * What one experiment could get in each hour if it had the whole capacity to itself, for a set of
 * groups it may use (every group, or the fixed groups of a running business experiment):
 * - `total[h]`: the most requests it can consume in hour h — every allowed group at 1000 ‰
 *   (consumption is non-decreasing in the per-mille, so this is the maximum of rule 2's left side);
 * - `coverable[h]`: an upper bound on what it can consume in hour h *with a preferred group
 *   strictly primary*: max over allowed preferred g of c_g + Σ_{o≠g} min(c_o, c_g − 1), c = full
 *   consumption (the other groups must each consume strictly less than g). −∞ without an
 *   allowed preferred group.
 * An hour can be valid only if need ≤ total, and covered only if need ≤ coverable.
 */
export class AloneCapacity {
  readonly total: Float64Array;
  readonly coverable: Float64Array;
  /** sparse table of range minima of `total`: level k holds minima of windows of 2^k hours */
  private readonly minima: Float64Array[];

  /** `sameGroups`: an AloneCapacity of the same allowed groups whose totals (and range minima) are reused */
  constructor(problem: Problem, allowedMask: number, preferredMask: number, sameGroups?: AloneCapacity) {
    const { hours, requests, groups } = problem.profile;
    const width = groups.length;
    this.total = sameGroups?.total ?? new Float64Array(hours);
    this.coverable = new Float64Array(hours);
    const full = new Float64Array(width);
    for (let h = 0; h < hours; h++) {
      let total = 0;
      for (let g = 0; g < width; g++) {
        full[g] = ((allowedMask >>> g) & 1) === 1 ? consumedRequestsInt32(requests[h * width + g], FULL_CAPACITY_PERMILLE) : 0;
        total += full[g];
      }
      this.total[h] = total;
      let coverable = -Infinity;
      for (let g = 0; g < width; g++) {
        if (((allowedMask & preferredMask) >>> g & 1) === 0) continue;
        let sum = full[g];
        for (let o = 0; o < width; o++) {
          if (o === g || ((allowedMask >>> o) & 1) === 0) continue;
          sum += Math.max(0, Math.min(full[o], full[g] - 1));
        }
        if (sum > coverable) coverable = sum;
      }
      this.coverable[h] = coverable;
    }
    if (sameGroups) {
      this.minima = sameGroups.minima;
      return;
    }
    this.minima = [this.total];
    for (let span = 2; span <= hours; span *= 2) {
      const previous = this.minima[this.minima.length - 1];
      const half = span / 2;
      const level = new Float64Array(hours - span + 1);
      for (let h = 0; h < level.length; h++) level[h] = Math.min(previous[h], previous[h + half]);
      this.minima.push(level);
    }
  }

  /** min of total[from … to−1] (from < to) in O(1) */
  minimumTotal(from: number, to: number): number {
    const level = 31 - Math.clz32(to - from);
    const table = this.minima[level];
    return Math.min(table[from], table[to - (1 << level)]);
  }
}

/** One AloneCapacity per distinct (allowed groups, preferred groups) pair of the problem's experiments. */
export function aloneCapacities(problem: Problem): AloneCapacity[] {
  const everyGroup = problem.profile.groups.length === 31 ? 0x7fffffff : (1 << problem.profile.groups.length) - 1;
  const byKey = new Map<string, AloneCapacity>();
  const byGroups = new Map<number, AloneCapacity>();
  return problem.experiments.map((_, e) => {
    const allowed = problem.fixedGroupMask[e] !== 0 ? problem.fixedGroupMask[e] : everyGroup;
    const key = `${allowed}/${problem.preferredMask[e]}`;
    let capacity = byKey.get(key);
    if (!capacity) {
      capacity = new AloneCapacity(problem, allowed, problem.preferredMask[e], byGroups.get(allowed));
      byKey.set(key, capacity);
      if (!byGroups.has(allowed)) byGroups.set(allowed, capacity);
    }
    return capacity;
  });
}
