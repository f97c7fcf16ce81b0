import { z } from 'zod';
import type { Algorithm } from './algorithm.js';
import { InfeasibleExperimentError } from './operators/buildIndividual.js';
import { explainUnplaceable } from './operators/explainUnplaceable.js';
import { ExperimentSchedule } from './problem/experimentSchedule.js';
import { Individual } from './problem/individual.js';
import { consumedRequestsInt32 } from './problem/fractions.js';
import { coverageOf, minimumTrafficOf, remainingPermilleAt, sizeFractions } from './problem/placement.js';
import type { Problem } from './problem/problem.js';
import { createContext, runSearch } from './searchDriver.js';
import { Termination } from './termination.js';

export const greedyParams = z.object({
  /** durations tried, as multiples of the minimum duration (ascending; 1 = the minimum itself) */
  durationFactors: z.array(z.number().min(1)).min(1).default([1, 1.05, 1.1, 1.2, 1.35, 1.5, 1.75, 2, 2.5, 3, 4]),
  /** group sets tried hold at most this many groups (all non-empty subsets up to it, fewest first) */
  maxGroups: z.number().int().min(1).max(31).default(31),
  /**
   * hours after the first start that fits during which later starts are still tried (for better
   * coverage or a shorter run); beyond it the first fit's neighbourhood is kept. Bounds the search to
   * O(lookahead) starts per experiment on crowded profiles.
   */
  lookaheadHours: z.number().int().min(0).default(24),
}).strict();
export type GreedyParams = z.infer<typeof greedyParams>;

/**
 * Constructive greedy (no randomness, one evaluation per experiment placed):
 * - order: running experiments (re-scheduling, spec §10) first — those with fixed groups before the
 *   others — then by priority, highest first; ties keep the input order;
 * - each experiment gets the placement that maximises its own fitness contribution beside the
 *   experiments already placed (weights·(minDuration/d, coverage, 1/(1+s))), searched start by start
 *   from hour 0 (running experiments: only hour 0), durations from the minimum upwards
 *   (`durationFactors`), group sets from one group upwards (preferred groups first, then the others by
 *   total traffic; a running business experiment keeps its fixed groups), with fractions sized to the
 *   need hour by hour (placement.ts: preferred group filled first, so it is primary where it can be);
 * - the search for one experiment stops as soon as no later start or longer duration can beat the
 *   best found (its scores only fall with s and d); a constant experiment that fails at some hour
 *   skips every start whose window still contains that hour;
 * - an experiment with no placement at all fails the run with the reason (explainUnplaceable).
 */
export const greedy: Algorithm<GreedyParams> = {
  name: 'greedy',
  summary: 'Constructive greedy: by priority, each experiment at its best start/duration/groups beside those placed',
  paramsSchema: greedyParams,
  deterministic: true,
  improvesStart: false,
  run(problem, params, options) {
    const context = createContext(problem, options);
    let individual!: Individual;
    return runSearch(context, Termination.fixed(0), {
      setup() {
        individual = greedySchedule(problem, params);
        context.counters.evaluations += problem.experiments.length;
      },
      step() {},
      traced: () => individual,
      best: () => individual,
    });
  },
};

/** The greedy schedule of a problem (the algorithm's whole work; also the start of greedy-seeded searches). */
export function greedySchedule(problem: Problem, params: GreedyParams = greedyParams.parse({})): Individual {
  const individual = new Individual(problem);
  const scratch = new ExperimentSchedule(problem.profile.groups.length, 16);
  const best = new ExperimentSchedule(problem.profile.groups.length, 16);
  const groupRank = groupsByTraffic(problem);
  for (const e of placementOrder(problem)) {
    if (!placeBest(individual, e, params, groupSetsOf(problem, e, groupRank, params.maxGroups), scratch, best)) {
      throw new InfeasibleExperimentError(problem.experiments[e].id, explainUnplaceable(individual, e));
    }
  }
  return individual;
}

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

/** Group indices by total requests over the profile, largest first (ties: lower index). */
function groupsByTraffic(problem: Problem): number[] {
  const { requests, groups } = problem.profile;
  const totals = new Float64Array(groups.length);
  for (let i = 0; i < requests.length; i++) totals[i % groups.length] += requests[i];
  return groups.map((_, g) => g).sort((a, b) => totals[b] - totals[a] || a - b);
}

/**
 * The group sets tried for experiment e, each as a fill order (preferred groups first, then by
 * traffic): its fixed groups if it has them; else every non-empty subset of at most `maxGroups`
 * groups, fewer groups first, sets holding a preferred group before those that do not.
 */
export function groupSetsOf(problem: Problem, e: number, groupRank: readonly number[], maxGroups: number): number[][] {
  const preferred = problem.preferredMask[e];
  const rankOf = new Int32Array(groupRank.length);
  groupRank.forEach((g, rank) => { rankOf[g] = rank; });
  const fillOrder = (mask: number): number[] => {
    const members: number[] = [];
    for (let m = mask; m !== 0; m &= m - 1) members.push(31 - Math.clz32(m & -m));
    return members.sort((a, b) => (((preferred >>> b) & 1) - ((preferred >>> a) & 1)) || rankOf[a] - rankOf[b]);
  };
  const fixed = problem.fixedGroupMask[e];
  if (fixed !== 0) return [fillOrder(fixed)];
  const groupCount = groupRank.length;
  const limit = Math.min(maxGroups, groupCount);
  // subsets by size; at more than 10 groups only singles, pairs and the whole set (2^31 subsets are not enumerable)
  const sets: number[] = [];
  if (groupCount <= 10) {
    for (let mask = 1; mask < 1 << groupCount; mask++) if (popcount(mask) <= limit) sets.push(mask);
  } else {
    for (let a = 0; a < groupCount; a++) {
      sets.push(1 << a);
      if (limit >= 2) for (let b = a + 1; b < groupCount; b++) sets.push((1 << a) | (1 << b));
    }
    if (limit >= groupCount) sets.push((2 ** groupCount - 1) | 0);
  }
  const key = (mask: number) => fillOrder(mask).map((g) => rankOf[g]);
  sets.sort((a, b) => popcount(a) - popcount(b) ||
    Number((b & preferred) !== 0) - Number((a & preferred) !== 0) ||
    compareLists(key(a), key(b)));
  return sets.map(fillOrder);
}

/**
 * Branch-and-bound over (start, duration, group set) for one experiment; commits the best found.
 * Returns false when nothing fits.
 */
function placeBest(
  individual: Individual,
  e: number,
  params: GreedyParams,
  groupSets: readonly number[][],
  scratch: ExperimentSchedule,
  best: ExperimentSchedule,
): boolean {
  const { problem } = individual;
  const { weights } = problem;
  const { hours } = problem.profile;
  const minDuration = problem.experiments[e].minDuration;
  const durations = candidateDurations(Math.max(1, minDuration), params.durationFactors, hours);
  // the union of all sets carries the most traffic: where it fails, every set fails
  const widest = groupSets.reduce((widestSet, set) => (set.length > widestSet.length ? set : widestSet));
  const needs = durations.map((duration) => minimumTrafficOf(individual, e, duration));
  const leastNeed = durations.map((_, d) => Math.min(needs[d](0), needs[d](durations[d] - 1)));
  const widestFree = freeRequestsPerHour(individual, e, widest);
  const coverageBound = weights.userGroup;
  const preferred = problem.preferredMask[e];
  const coversPreferred = groupSets.map((set) => preferred === 0 || set.some((g) => ((preferred >>> g) & 1) === 1));
  // per duration, and per (duration, group set): the first start not known to fail
  const nextStartWidest = new Int32Array(durations.length);
  const nextStart = new Int32Array(durations.length * groupSets.length);
  const lastStart = problem.running[e] === 1 ? 0 : hours - durations[0];
  let bestValue = Number.NEGATIVE_INFINITY;
  let searchUntil = lastStart;
  for (let start = 0; start <= searchUntil; start++) {
    const startScore = weights.start / (1 + start);
    if (weights.duration + coverageBound + startScore <= bestValue) break;
    for (let d = 0; d < durations.length; d++) {
      const duration = durations[d];
      if (start + duration > hours) break;
      const durationScore = weights.duration * (minDuration / duration);
      if (durationScore + coverageBound + startScore <= bestValue) break;
      if (nextStartWidest[d] > start) continue;
      const widestFailedAt = firstShortOffset(widestFree, start, duration, needs[d]);
      if (widestFailedAt >= 0) {
        // past the failing hour when even the least need exceeds what is free there (every window holding it fails)
        const hour = start + widestFailedAt;
        nextStartWidest[d] = widestFree[hour] < leastNeed[d] ? hour + 1 : start + 1;
        continue;
      }
      for (let s = 0; s < groupSets.length; s++) {
        const slot = d * groupSets.length + s;
        if (nextStart[slot] > start) continue;
        // a set without a preferred group covers nothing: it can only win while nothing else fits
        if (!coversPreferred[s] && durationScore + startScore <= bestValue) continue;
        const failedAt = sizeFractions(individual, e, scratch, start, duration, groupSets[s]);
        if (failedAt >= 0) {
          nextStart[slot] = skipTo(individual, e, groupSets[s], start, failedAt, leastNeed[d]);
          continue;
        }
        // sized fractions meet rules 1–3 and 5 by construction; the final commit is checked by the model
        const value = durationScore + weights.userGroup * coverageOf(individual, e, scratch) + startScore;
        if (value > bestValue) {
          if (bestValue === Number.NEGATIVE_INFINITY) searchUntil = Math.min(lastStart, start + params.lookaheadHours);
          bestValue = value;
          best.copyFrom(scratch);
          if (durationScore + coverageBound + startScore <= bestValue) break;
        }
      }
    }
  }
  if (bestValue === Number.NEGATIVE_INFINITY) return false;
  individual.beginEdit(e);
  individual.schedules[e].copyFrom(best);
  individual.endEdit(e);
  if (individual.ruleFlags[e] !== 0 || individual.overloadedCells !== 0) {
    throw new Error(`greedy: the sized placement of experiment ${problem.experiments[e].id} breaks a rule (flags ${individual.ruleFlags[e]}); this is a bug`);
  }
  return true;
}

/**
 * The next start worth trying after a placement at `start` failed at offset `failedAt`: past the
 * failing hour when even the least hourly need exceeds what the groups have free there (every
 * window holding that hour fails too), else the next hour.
 */
function skipTo(individual: Individual, e: number, groupSet: readonly number[], start: number, failedAt: number, leastNeed: number): number {
  const hour = start + failedAt;
  const { requests, groups } = individual.problem.profile;
  const service = individual.problem.serviceOf[e];
  let free = 0;
  for (const g of groupSet) free += consumedRequestsInt32(requests[hour * groups.length + g], remainingPermilleAt(individual, service, hour, g));
  return free < leastNeed ? hour + 1 : start + 1;
}

/** Per hour, the most requests e could get from `groupSet` beside the experiments placed (every group at its free fraction). */
function freeRequestsPerHour(individual: Individual, e: number, groupSet: readonly number[]): Float64Array {
  const { requests, hours, groups } = individual.problem.profile;
  const width = groups.length;
  const load = individual.capacityLoad;
  const serviceBase = individual.problem.serviceOf[e] * hours;
  const free = new Float64Array(hours);
  for (let hour = 0; hour < hours; hour++) {
    let total = 0;
    for (let i = 0; i < groupSet.length; i++) {
      const g = groupSet[i];
      const freePermille = 1000 - load[(serviceBase + hour) * width + g];
      // consumedRequestsInt32 of the free fraction, inlined (this runs hours × groups times per experiment)
      if (freePermille > 0) total += (Math.fround(requests[hour * width + g] * Math.fround(freePermille / 1000)) + 0.5) | 0;
    }
    free[hour] = total;
  }
  return free;
}

/** The first offset of a `duration`-hour window from `start` whose need exceeds the free requests, or -1. */
function firstShortOffset(free: Float64Array, start: number, duration: number, need: (offset: number) => number): number {
  for (let offset = 0; offset < duration; offset++) if (free[start + offset] < need(offset)) return offset;
  return -1;
}

/** The durations tried: minimum × each factor, rounded up, without repeats, inside the profile, ascending. */
export function candidateDurations(minimum: number, factors: readonly number[], hours: number): number[] {
  const durations = new Set<number>();
  for (const factor of factors) {
    const duration = Math.ceil(minimum * factor);
    if (duration <= hours) durations.add(duration);
  }
  if (durations.size === 0) durations.add(minimum);
  return [...durations].sort((a, b) => a - b);
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
