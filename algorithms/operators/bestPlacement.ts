import { BLOCK_HOURS } from '../problem/capacityTable.js';
import { ExperimentSchedule } from '../problem/experimentSchedule.js';
import type { Individual } from '../problem/individual.js';
import { coverageOf, minimumTrafficOf, sizeFractions } from '../problem/placement.js';
import type { Problem } from '../problem/problem.js';

/** How hard a best-fit placement searches (the greedy algorithm's parameters). */
export interface PlacementSearch {
  /** durations tried, as multiples of the minimum duration */
  readonly durationFactors: readonly number[];
  /** group sets hold at most this many groups */
  readonly maxGroups: number;
  /** hours after the first start that fits during which later starts are still tried */
  readonly lookaheadHours: number;
}

/** The greedy algorithm's defaults; also what the robust sampler's fallback searches with. */
export const DEFAULT_PLACEMENT_SEARCH: PlacementSearch = {
  durationFactors: [1, 1.05, 1.1, 1.2, 1.35, 1.5, 1.75, 2, 2.5, 3, 4],
  maxGroups: 31,
  lookaheadHours: 0,
};

/**
 * Places experiments one at a time at their best fit beside those already placed (see placeBest),
 * falling back to any fit at all (every start and duration on all allowed groups) when the best-fit
 * search's durations find none. Holds the reusable storage for one problem.
 */
export class BestFitPlacer {
  private readonly scratch: ExperimentSchedule;
  private readonly best: ExperimentSchedule;
  private readonly groupRank: number[];

  constructor(readonly problem: Problem, readonly search: PlacementSearch) {
    this.scratch = new ExperimentSchedule(problem.profile.groups.length, 16);
    this.best = new ExperimentSchedule(problem.profile.groups.length, 16);
    this.groupRank = groupsByTraffic(problem);
  }

  /** The group sets tried for experiment e (fill orders; see groupSetsOf). */
  groupSets(e: number): number[][] {
    return groupSetsOf(this.problem, e, this.groupRank, this.search.maxGroups);
  }

  /** Places e (unplaced) at its best fit, else at any fit; false when nothing fits beside the others. */
  place(individual: Individual, e: number): boolean {
    const sets = this.groupSets(e);
    return placeBest(individual, e, this.search, sets, this.scratch, this.best) ||
      placeAnywhere(individual, e, widestOf(sets), this.scratch);
  }
}

function widestOf(groupSets: readonly number[][]): readonly number[] {
  return groupSets.reduce((widestSet, set) => (set.length > widestSet.length ? set : widestSet));
}

/**
 * The exhaustive fallback: the earliest start, at the shortest duration that fits there, on all
 * allowed groups — every start and every duration up to the profile's length. Where this finds
 * nothing, no group set fits anywhere (the union carries the most), which is what
 * explainUnplaceable then states.
 */
export function placeAnywhere(individual: Individual, e: number, widest: readonly number[], scratch: ExperimentSchedule): boolean {
  const { problem } = individual;
  const { hours } = problem.profile;
  const minimum = Math.max(1, problem.experiments[e].minDuration);
  const freeByGroup = freeRequestsByGroup(individual, e, widest);
  const lastStart = problem.running[e] === 1 ? 0 : hours - minimum;
  for (let start = 0; start <= lastStart; start++) {
    for (let duration = minimum; start + duration <= hours; duration++) {
      const need = minimumTrafficOf(individual, e, duration);
      let short = false;
      for (let offset = 0; offset < duration && !short; offset++) short = freeOfSet(freeByGroup, widest, start + offset) < need(offset);
      if (short) continue;
      if (sizeFractions(individual, e, scratch, start, duration, widest) >= 0) continue;
      individual.beginEdit(e);
      individual.schedules[e].copyFrom(scratch);
      individual.endEdit(e);
      return individual.ruleFlags[e] === 0 && individual.overloadedCells === 0;
    }
  }
  return false;
}

/** Group indices by total requests over the profile, largest first (ties: lower index). */
export function groupsByTraffic(problem: Problem): number[] {
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
 * Branch-and-bound over (duration, group set, start) for one experiment; commits the best found.
 * For a fixed duration and group set the scores only fall as the start moves later (coverage
 * aside), so each pair is tried at its earliest start that fits — found by scanning the set's free
 * requests per hour, skipping past an hour where even the least hourly need exceeds what is free —
 * plus up to `lookaheadHours` later starts for better coverage. A pair, or the rest of a scan, is
 * cut as soon as its bound (scores with full coverage) cannot beat the best found.
 * Returns false when nothing fits.
 */
export function placeBest(
  individual: Individual,
  e: number,
  params: PlacementSearch,
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
  // per group, the requests e could still get in each hour; a set's is their sum (what water-filling reaches)
  const freeByGroup = freeRequestsByGroup(individual, e, widest);
  const preferred = problem.preferredMask[e];
  const coversPreferred = groupSets.map((set) => preferred === 0 || set.some((g) => ((preferred >>> g) & 1) === 1));
  const running = problem.running[e] === 1;
  let bestValue = Number.NEGATIVE_INFINITY;
  const bound = (durationScore: number, coverage: number, start: number) => durationScore + weights.userGroup * coverage + weights.start / (1 + start);
  for (const duration of durations) {
    const lastStart = running ? Math.min(0, hours - duration) : hours - duration;
    if (lastStart < 0) break;
    const durationScore = weights.duration * (minDuration / duration);
    if (bound(durationScore, 1, 0) <= bestValue) break; // longer durations score lower still
    // hourly needs of this duration, as an array: the scans read them many times
    const minimum = minimumTrafficOf(individual, e, duration);
    const need = Float64Array.from({ length: duration }, (_, offset) => minimum(offset));
    const leastNeed = Math.min(need[0], need[duration - 1]);
    const widestStart = earliestFit(freeByGroup, widest, need, leastNeed, 0, lastStart, (start) => bound(durationScore, 1, start) <= bestValue);
    if (widestStart < 0) continue;
    for (let s = 0; s < groupSets.length; s++) {
      const coverageBound = coversPreferred[s] ? 1 : 0;
      const hopeless = (start: number) => bound(durationScore, coverageBound, start) <= bestValue;
      let start = earliestFit(freeByGroup, groupSets[s], need, leastNeed, widestStart, lastStart, hopeless);
      const lookUntil = start < 0 ? -1 : Math.min(lastStart, start + params.lookaheadHours);
      while (start >= 0 && start <= lookUntil) {
        if (sizeFractions(individual, e, scratch, start, duration, groupSets[s]) < 0) {
          // sized fractions meet rules 1–3 and 5 by construction; the final commit is checked by the model
          const coverage = coverageOf(individual, e, scratch);
          const value = bound(durationScore, coverage, start);
          if (value > bestValue) {
            bestValue = value;
            best.copyFrom(scratch);
          }
          if (coverage >= coverageBound) break; // a later start of this pair scores lower
        }
        start = start + 1 > lookUntil ? -1 : earliestFit(freeByGroup, groupSets[s], need, leastNeed, start + 1, lookUntil, hopeless);
      }
    }
  }
  if (bestValue === Number.NEGATIVE_INFINITY) return false;
  // cells the others already overload (a re-scheduling seed whose carried traffic was re-derived)
  // are theirs, not e's: e must only add none (sizing gives it nothing where nothing is free)
  const overloadedBefore = individual.overloadedCells;
  individual.beginEdit(e);
  individual.schedules[e].copyFrom(best);
  individual.endEdit(e);
  if (individual.ruleFlags[e] !== 0 || individual.overloadedCells > overloadedBefore) {
    throw new Error(`greedy: the sized placement of experiment ${problem.experiments[e].id} breaks a rule (flags ${individual.ruleFlags[e]}); this is a bug`);
  }
  return true;
}

/**
 * The earliest start in [from, to] at which `groupSet`'s free requests meet `need` in every hour,
 * or -1; gives up (-1) once `hopeless(start)` says no later start can win.
 */
function earliestFit(
  freeByGroup: readonly Float64Array[],
  groupSet: readonly number[],
  need: Float64Array,
  leastNeed: number,
  from: number,
  to: number,
  hopeless: (start: number) => boolean,
): number {
  for (let start = from; start <= to;) {
    if (hopeless(start)) return -1;
    const shortAt = firstShortOffsetOfSet(freeByGroup, groupSet, start, need);
    if (shortAt < 0) return start;
    const hour = start + shortAt;
    // past the failing hour when even the least need exceeds what is free there (every window holding it fails)
    start = freeOfSet(freeByGroup, groupSet, hour) < leastNeed ? hour + 1 : start + 1;
  }
  return -1;
}

/**
 * Per group of `groupSet` (indexed by group), the most requests e could get from it in each hour
 * beside the experiments placed: the group at its free fraction, in the validity rule's arithmetic.
 */
function freeRequestsByGroup(individual: Individual, e: number, groupSet: readonly number[]): Float64Array[] {
  const { requests, hours, groups } = individual.problem.profile;
  const width = groups.length;
  const service = individual.problem.serviceOf[e];
  const table = individual.capacity;
  const blockHours = BLOCK_HOURS; // a local: an imported binding is a getter call per read under tsx
  const free: Float64Array[] = [];
  for (const g of groupSet) {
    const perHour = new Float64Array(hours);
    // block by block of the capacity table (capacityLoadAt per hour costs 16 % of the greedy, measured)
    for (let first = 0; first < hours; first += blockHours) {
      const load = table.blockOf(service, first);
      const end = Math.min(hours, first + blockHours);
      for (let hour = first, cell = g; hour < end; hour++, cell += width) {
        const freePermille = 1000 - load[cell];
        // consumedRequestsInt32 of the free fraction, inlined (this runs hours × groups times per experiment)
        if (freePermille > 0) perHour[hour] = (Math.fround(requests[hour * width + g] * Math.fround(freePermille / 1000)) + 0.5) | 0;
      }
    }
    free[g] = perHour;
  }
  return free;
}

/** What `groupSet` together has free at `hour`. */
function freeOfSet(freeByGroup: readonly Float64Array[], groupSet: readonly number[], hour: number): number {
  let total = 0;
  for (let i = 0; i < groupSet.length; i++) total += freeByGroup[groupSet[i]][hour];
  return total;
}

/** The first offset of the window from `start` (as long as `need`) where the set's free requests fall short, or -1. */
function firstShortOffsetOfSet(freeByGroup: readonly Float64Array[], groupSet: readonly number[], start: number, need: Float64Array): number {
  if (groupSet.length === 1) {
    const free = freeByGroup[groupSet[0]];
    for (let offset = 0; offset < need.length; offset++) if (free[start + offset] < need[offset]) return offset;
    return -1;
  }
  for (let offset = 0; offset < need.length; offset++) if (freeOfSet(freeByGroup, groupSet, start + offset) < need[offset]) return offset;
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
