import { constantMinTraffic, gradualRampNumerator, rampAt } from './experiment.js';
import { BLOCK_HOURS, BLOCK_SHIFT, CapacityTable, loadBlockPoolOf } from './capacityTable.js';
import { ExperimentSchedule } from './experimentSchedule.js';
import { FULL_CAPACITY_PERMILLE } from './fractions.js';
import type { Problem } from './problem.js';
import { schedulePoolOf, type SchedulePool } from './schedulePool.js';
import { Rule } from './validityRules.js';

/**
 * A candidate solution: one schedule per experiment, plus the derived state the search loop
 * reads, kept up to date incrementally when one experiment's schedule changes:
 * - the capacity load (per service × hour × group, summed per-mille) and the number of
 *   overloaded cells (rule 5);
 * - per experiment, its broken-rule flags (rules 1–4, 6) and its three fitness components;
 * - the totals D, U, S and F.
 *
 * Edit protocol: `const schedule = beginEdit(e)`, change `schedule`, `endEdit(e)`. Editing
 * costs O(duration × groups) of that experiment; reading validity is O(1), and the totals are
 * re-summed (O(n), in experiment order) on the first read after a batch of edits.
 * Experiments can be left unplaced (while the sampler builds an individual); an unplaced
 * experiment has no load and breaks no rule.
 *
 * Schedules are shared between individuals (copy-on-write): `copyFrom`, `clone` and the
 * crossover's `takeExperimentFrom` hand over references, and `beginEdit(e)` gives e a private
 * copy first if another individual holds its schedule. So a copy costs O(n) plus the capacity
 * table, not O(scheduled hours), and a population holds each distinct schedule once. Write to
 * a schedule only between `beginEdit(e)` and `endEdit(e)`/`cancelEdit(e)`, through the
 * reference `beginEdit` returns (or `schedules[e]` read after it); an individual built by the
 * constructor holds only schedules of its own.
 */
export class Individual {
  readonly schedules: ExperimentSchedule[];
  readonly placed: Uint8Array;
  /** the capacity load of rule 5, in blocks shared with the individuals this one was copied from (read it with capacityLoadAt) */
  readonly capacity: CapacityTable;
  overloadedCells = 0;
  readonly ruleFlags: Uint8Array;
  brokenExperiments = 0;
  readonly durationScores: Float64Array;
  readonly coverageScores: Float64Array;
  readonly startScores: Float64Array;
  private readonly pool: SchedulePool;
  // D, U, S, F as of the last re-sum; `totalsStale` says the scores changed since
  private cachedDurationScore = 0;
  private cachedUserGroupScore = 0;
  private cachedStartScore = 0;
  private cachedFitness = 0;
  private totalsStale = false;

  constructor(readonly problem: Problem) {
    const n = problem.experiments.length;
    const groups = problem.profile.groups.length;
    this.pool = schedulePoolOf(problem);
    this.schedules = Array.from({ length: n }, (_, e) => {
      const schedule = new ExperimentSchedule(groups, Math.max(16, problem.experiments[e].minDuration));
      schedule.holders = 1;
      return schedule;
    });
    this.placed = new Uint8Array(n);
    this.capacity = new CapacityTable(problem.services.length, problem.profile.hours, groups, loadBlockPoolOf(problem));
    this.ruleFlags = new Uint8Array(n);
    this.durationScores = new Float64Array(n);
    this.coverageScores = new Float64Array(n);
    this.startScores = new Float64Array(n);
  }

  /** Summed per-mille of `group` given to experiments of `service` at `hour` (the capacity load of rule 5). */
  capacityLoadAt(service: number, hour: number, group: number): number {
    return this.capacity.at(service, hour, group);
  }

  /** The whole capacity load, dense: `[(service · hours + hour) · groups + group]` (reports and tests; O(services × hours)). */
  capacityLoadTable(): Int32Array {
    return this.capacity.toDense();
  }

  get valid(): boolean {
    return this.overloadedCells === 0 && this.brokenExperiments === 0;
  }

  /** Duration score D (spec §5). */
  get durationScore(): number {
    if (this.totalsStale) this.updateTotals();
    return this.cachedDurationScore;
  }

  /** User-group score U (spec §5). */
  get userGroupScore(): number {
    if (this.totalsStale) this.updateTotals();
    return this.cachedUserGroupScore;
  }

  /** Start score S (spec §5). */
  get startScore(): number {
    if (this.totalsStale) this.updateTotals();
    return this.cachedStartScore;
  }

  /** Fitness F = wD·D + wU·U + wS·S (spec §5). */
  get fitness(): number {
    if (this.totalsStale) this.updateTotals();
    return this.cachedFitness;
  }

  get complete(): boolean {
    return this.placed.every((flag) => flag === 1);
  }

  /**
   * Withdraws experiment e's capacity load before its schedule is changed, and returns the
   * schedule to change: e's own (a private copy if another individual shares it).
   */
  beginEdit(e: number): ExperimentSchedule {
    if (this.placed[e]) this.applyLoad(e, -1);
    const schedule = this.schedules[e];
    return schedule.holders > 1 ? this.privateCopy(e) : schedule;
  }

  /** Re-applies e's load and re-evaluates its rules and scores after its schedule changed. */
  endEdit(e: number): void {
    this.placed[e] = 1;
    this.loadAndEvaluateExperiment(e);
    this.totalsStale = true;
  }

  /** Ends an edit that changed nothing: restores e's load without re-evaluating it. */
  cancelEdit(e: number): void {
    if (this.placed[e]) this.applyLoad(e, 1);
  }

  /** Takes experiment e out of the individual (its schedule stays, unused). */
  unplace(e: number): void {
    if (!this.placed[e]) return;
    this.applyLoad(e, -1);
    this.placed[e] = 0;
    if (this.ruleFlags[e] !== 0) this.brokenExperiments--;
    this.ruleFlags[e] = 0;
    this.totalsStale = true;
  }

  /** Recomputes every derived value from the schedules alone (the reference for the incremental path). */
  evaluateFromScratch(): void {
    this.capacity.clear();
    this.overloadedCells = 0;
    this.brokenExperiments = 0;
    this.ruleFlags.fill(0);
    for (let e = 0; e < this.schedules.length; e++) {
      if (!this.placed[e]) continue;
      this.loadAndEvaluateExperiment(e);
    }
    this.totalsStale = true;
  }

  /**
   * Copies experiment e's schedule and its own evaluation (rule flags, scores) from `donor`,
   * without touching the capacity load: an experiment's own rules and scores depend only on its
   * schedule and the profile. Finish a batch of these with `rebuildCapacityLoad()`.
   */
  adoptExperiment(e: number, donor: Individual): void {
    this.share(e, donor.schedules[e]);
    this.placed[e] = donor.placed[e];
    const flags = donor.placed[e] ? donor.ruleFlags[e] : 0;
    if ((this.ruleFlags[e] === 0) !== (flags === 0)) this.brokenExperiments += flags === 0 ? -1 : 1;
    this.ruleFlags[e] = flags;
    this.durationScores[e] = donor.durationScores[e];
    this.coverageScores[e] = donor.coverageScores[e];
    this.startScores[e] = donor.startScores[e];
    this.totalsStale = true;
  }

  /** Rebuilds the capacity-load table from the schedules and refreshes the totals (after `adoptExperiment`). */
  rebuildCapacityLoad(): void {
    this.capacity.clear();
    this.overloadedCells = 0;
    for (let e = 0; e < this.schedules.length; e++) if (this.placed[e]) this.applyLoad(e, 1);
    this.totalsStale = true;
  }

  /**
   * Replaces experiment e by `donor`'s (its schedule, shared, and its own evaluation) and moves
   * e's load in the capacity table from the old schedule to the new one: the crossover's step,
   * O(both schedules' hours). Equal to `adoptExperiment` followed by `rebuildCapacityLoad`
   * (integer sums, so the order of additions does not matter).
   */
  takeExperimentFrom(e: number, donor: Individual): void {
    if (this.placed[e]) this.applyLoad(e, -1);
    this.adoptExperiment(e, donor);
    if (this.placed[e]) this.applyLoad(e, 1);
  }

  /** True when e's schedule here and in `other` is one object, placed in both (nothing to take over). */
  sharesExperimentWith(e: number, other: Individual): boolean {
    return this.schedules[e] === other.schedules[e] && this.placed[e] === 1 && other.placed[e] === 1;
  }

  /** Per-experiment fitness used by greedy crossover (spec §5). */
  experimentFitness(e: number): number {
    const { weights } = this.problem;
    return weights.duration * this.durationScores[e] + weights.userGroup * this.coverageScores[e] +
      weights.start * this.startScores[e];
  }

  /** Makes this individual equal to `other`: O(n + capacity blocks); schedules and capacity blocks are shared. */
  copyFrom(other: Individual): void {
    if (other === this) return;
    for (let e = 0; e < this.schedules.length; e++) this.share(e, other.schedules[e]);
    this.placed.set(other.placed);
    this.capacity.copyFrom(other.capacity);
    this.overloadedCells = other.overloadedCells;
    this.ruleFlags.set(other.ruleFlags);
    this.brokenExperiments = other.brokenExperiments;
    this.durationScores.set(other.durationScores);
    this.coverageScores.set(other.coverageScores);
    this.startScores.set(other.startScores);
    this.cachedDurationScore = other.cachedDurationScore;
    this.cachedUserGroupScore = other.cachedUserGroupScore;
    this.cachedStartScore = other.cachedStartScore;
    this.cachedFitness = other.cachedFitness;
    this.totalsStale = other.totalsStale;
  }

  clone(): Individual {
    const copy = new Individual(this.problem);
    copy.copyFrom(this);
    return copy;
  }

  /** Lets e's slot hold `schedule` (shared), releasing the one it held. */
  private share(e: number, schedule: ExperimentSchedule): void {
    const held = this.schedules[e];
    if (held === schedule) return;
    schedule.holders++;
    this.schedules[e] = schedule;
    this.release(held);
  }

  /** Gives e a private copy of its shared schedule (copy-on-write) and returns it. */
  private privateCopy(e: number): ExperimentSchedule {
    const shared = this.schedules[e];
    const copy = this.pool.take(shared.duration);
    copy.copyFrom(shared);
    copy.holders = 1;
    this.schedules[e] = copy;
    this.release(shared);
    return copy;
  }

  private release(schedule: ExperimentSchedule): void {
    schedule.holders--;
    if (schedule.holders === 0) this.pool.give(schedule);
  }

  /** Adds (sign 1) or removes (sign −1) e's fractions to the capacity-load table, inside the profile (no re-evaluation). */
  private applyLoad(e: number, sign: 1 | -1): void {
    const schedule = this.schedules[e];
    const { hours } = this.problem.profile;
    const groups = schedule.groupCount;
    const table = this.capacity;
    const blockBase = this.problem.serviceOf[e] * table.blocksPerService;
    const { start, groupMask, permille } = schedule;
    const first = start < 0 ? -start : 0; // not Math.max(0, -start): -0 would make the loop index a double
    const last = Math.min(schedule.duration, hours - start);
    // locals, not the imports: under tsx an imported binding is a getter call on every read (29 % of a mutation, measured)
    const full = FULL_CAPACITY_PERMILLE;
    const shift = BLOCK_SHIFT;
    const blockHours = BLOCK_HOURS;
    let overloaded = 0;
    let offset = first;
    while (offset < last) {
      // one block of the table at a time
      const hour = start + offset;
      const within = hour & (blockHours - 1);
      const load = table.writable(blockBase + (hour >> shift));
      const segmentEnd = Math.min(last, offset + blockHours - within);
      for (let cellBase = within * groups; offset < segmentEnd; offset++, cellBase += groups) {
        const rowBase = offset * groups;
        for (let mask = groupMask[offset]; mask !== 0; mask &= mask - 1) {
          const g = 31 - Math.clz32(mask & -mask);
          const amount = permille[rowBase + g];
          if (amount === 0) continue;
          const before = load[cellBase + g];
          const after = before + sign * amount;
          load[cellBase + g] = after;
          if (before <= full) {
            if (after > full) overloaded++;
          } else if (after <= full) overloaded--;
        }
      }
    }
    this.overloadedCells += overloaded;
  }

  /**
   * One pass over e's hours: adds its load to the capacity table (rule 5) and evaluates rules
   * 1–4 and 6 and its duration, coverage and start scores. Fused because both walk the same
   * hours and groups, and this pass is the search loop's inner loop.
   */
  private loadAndEvaluateExperiment(e: number): void {
    const problem = this.problem;
    const full = FULL_CAPACITY_PERMILLE;
    const ruleUninterrupted = Rule.uninterrupted;
    const ruleEnoughTraffic = Rule.enoughTraffic;
    const experiment = problem.experiments[e];
    const schedule = this.schedules[e];
    const { requests, hours } = problem.profile;
    const groups = schedule.groupCount;
    const { groupMask, permille, start, duration } = schedule;
    const table = this.capacity;
    const blockBase = problem.serviceOf[e] * table.blocksPerService;
    const shift = BLOCK_SHIFT;
    const blockHours = BLOCK_HOURS;
    let overloaded = 0;
    const preferred = problem.preferredMask[e];
    const business = problem.business[e] === 1;
    const fixedGroups = problem.fixedGroupMask[e];
    const gradual = problem.gradual[e] === 1;
    const constantMinimum = gradual ? 0 : constantMinTraffic(experiment.requiredTotalTraffic, duration);
    const rampNumerator = gradual ? gradualRampNumerator(experiment, duration) : 0;
    const rampStart = experiment.startTraffic ?? 0;
    const durationSquared = duration * duration;
    const ramp = rampAt; // a local: an imported binding is a getter call per read under tsx
    // int32 for the single-group loop's int32 comparison; one group's consumption stays below
    // 2^31 − 1 (see consumedRequestsInt32), so clamping changes no comparison
    const constantMinimumInt32 = Math.min(constantMinimum, 2147483647) | 0;

    let flags = 0;
    if (duration < experiment.minDuration) flags |= Rule.minDuration;
    if (duration === 0) flags |= ruleUninterrupted;
    if (start < 0 || start + duration > hours) flags |= Rule.insideProfile;
    if (problem.running[e] === 1 && start !== 0) flags |= Rule.runningPinned;
    // rule 4 and §10's kept groups are checked once per run of equal group sets, below; a schedule
    // that sticks out of the profile (rare, and invalid anyway) gets a separate pass over all hours
    const firstMask = groupMask[0] | 0;
    const checksGroupSets = business || fixedGroups !== 0;
    if (checksGroupSets && (flags & Rule.insideProfile) !== 0) {
      for (let offset = 0; offset < duration; offset++) flags |= this.groupSetFlags(groupMask[offset] | 0, business, firstMask, fixedGroups);
    }
    // hours outside the profile are already flagged (rule 6) and have no traffic to check
    // not Math.max(0, -start): -0 would turn the loop index into a double (7 % slower in npm run bench)
    const firstOffset = start < 0 ? -start : 0;
    const endOffset = Math.min(duration, hours - start);
    let coveredHours = 0;
    let offset = firstOffset;
    // the capacity block of the hours [.., segmentEnd): fetched (made private) when a run first writes into it
    let load = table.pool.zero.load;
    let segmentEnd = firstOffset;
    while (offset < endOffset) {
      // one run of hours with the same group set at a time: the set is decoded once per run
      const mask = groupMask[offset] | 0;
      if (checksGroupSets) flags |= this.groupSetFlags(mask, business, firstMask, fixedGroups);
      if (mask === 0) {
        // no group: nothing consumed in this hour
        flags |= ruleUninterrupted;
        const minimum = gradual ? ramp(rampNumerator, rampStart, offset, durationSquared) : constantMinimum;
        if (0 < minimum) flags |= ruleEnoughTraffic;
        offset++;
        continue;
      }
      const hour = start + offset;
      if (offset >= segmentEnd) {
        load = table.writable(blockBase + (hour >> shift));
        segmentEnd = Math.min(endOffset, offset + blockHours - (hour & (blockHours - 1)));
      }
      // runs are cut at block boundaries: each piece is one block's hours
      const cellRow = (hour & (blockHours - 1)) * groups;
      if ((mask & (mask - 1)) === 0) {
        // one group (most hours): no primary-group contest; a lone group is primary whatever it consumes
        const g = 31 - Math.clz32(mask);
        const runStart = offset;
        let row = offset * groups + g;
        let request = hour * groups + g;
        let cell = cellRow + g;
        // the constant minimum (most experiments) gets a copy of the loop free of the ramp: 6 % of the
        // full evaluation (measured); keep the two loops alike
        if (!gradual) {
          for (; offset < segmentEnd && (groupMask[offset] | 0) === mask; offset++, row += groups, request += groups, cell += groups) {
            const amount = permille[row];
            if (amount === 0) flags |= ruleUninterrupted;
            // consumedRequestsInt32(requests[request], amount), inlined (a call here costs 8 % in npm run bench)
            const consumed = (Math.fround(requests[request] * Math.fround(amount / 1000)) + 0.5) | 0;
            const loadBefore = load[cell];
            load[cell] = loadBefore + amount;
            if (loadBefore + amount > full && loadBefore <= full) overloaded++;
            if (consumed < constantMinimumInt32) flags |= ruleEnoughTraffic;
          }
        } else {
          for (; offset < segmentEnd && (groupMask[offset] | 0) === mask; offset++, row += groups, request += groups, cell += groups) {
            const amount = permille[row];
            if (amount === 0) flags |= ruleUninterrupted;
            const consumed = (Math.fround(requests[request] * Math.fround(amount / 1000)) + 0.5) | 0;
            const loadBefore = load[cell];
            load[cell] = loadBefore + amount;
            if (loadBefore + amount > full && loadBefore <= full) overloaded++;
            if (consumed < ramp(rampNumerator, rampStart, offset, durationSquared)) flags |= ruleEnoughTraffic;
          }
        }
        if (((preferred >>> g) & 1) === 1) coveredHours += offset - runStart;
      } else {
        let rowBase = offset * groups;
        let requestBase = hour * groups;
        let cellBase = cellRow;
        for (; offset < segmentEnd && (groupMask[offset] | 0) === mask; offset++, rowBase += groups, requestBase += groups, cellBase += groups) {
          let consumed = 0;
          let top = -1;
          let second = -1;
          let topGroup = -1;
          let anyPositive = false;
          for (let m = mask; m !== 0; m &= m - 1) {
            const g = 31 - Math.clz32(m & -m);
            const amount = permille[rowBase + g];
            // consumedRequestsInt32(requests, amount), inlined
            const requestsOfGroup = (Math.fround(requests[requestBase + g] * Math.fround(amount / 1000)) + 0.5) | 0;
            if (amount > 0) {
              anyPositive = true;
              const loadBefore = load[cellBase + g];
              load[cellBase + g] = loadBefore + amount;
              if (loadBefore + amount > full && loadBefore <= full) overloaded++;
            }
            consumed += requestsOfGroup;
            if (requestsOfGroup > top) {
              second = top;
              top = requestsOfGroup;
              topGroup = g;
            } else if (requestsOfGroup > second) second = requestsOfGroup;
          }
          if (!anyPositive) flags |= ruleUninterrupted;
          // "primary": present and strictly above every other group of that hour (ties: none is primary)
          if (top > second && ((preferred >>> topGroup) & 1) === 1) coveredHours++;
          const minimum = gradual ? ramp(rampNumerator, rampStart, offset, durationSquared) : constantMinimum;
          if (consumed < minimum) flags |= ruleEnoughTraffic;
        }
      }
    }
    this.overloadedCells += overloaded;
    const before = this.ruleFlags[e];
    if ((before === 0) !== (flags === 0)) this.brokenExperiments += flags === 0 ? -1 : 1;
    this.ruleFlags[e] = flags;
    this.durationScores[e] = duration > 0 ? experiment.minDuration / duration : 0;
    this.coverageScores[e] = preferred === 0 ? 1 : duration > 0 ? coveredHours / duration : 0;
    this.startScores[e] = 1 / (1 + Math.max(0, start));
  }

  /** Rule 4 (a business experiment keeps its first hour's groups) and §10's kept groups, for one hour's group set. */
  private groupSetFlags(mask: number, business: boolean, firstMask: number, fixedGroups: number): number {
    let flags = 0;
    if (business && mask !== firstMask) flags |= Rule.sameGroups;
    if (fixedGroups !== 0 && mask !== fixedGroups) flags |= Rule.runningKeepsGroups;
    return flags;
  }

  /** D, U, S, F from the per-experiment scores, summed in experiment order (deterministic, drift-free). */
  private updateTotals(): void {
    const { experiments, prioritySum, preferredPrioritySum, preferredMask, weights } = this.problem;
    let duration = 0;
    let start = 0;
    let coverage = 0;
    for (let e = 0; e < experiments.length; e++) {
      if (!this.placed[e]) continue;
      const priority = experiments[e].priority;
      duration += priority * this.durationScores[e];
      start += priority * this.startScores[e];
      if (preferredMask[e] !== 0) coverage += priority * this.coverageScores[e];
    }
    this.cachedDurationScore = duration / prioritySum;
    this.cachedStartScore = start / prioritySum;
    this.cachedUserGroupScore = preferredPrioritySum > 0 ? coverage / preferredPrioritySum : 1;
    this.cachedFitness = weights.duration * this.cachedDurationScore + weights.userGroup * this.cachedUserGroupScore + weights.start * this.cachedStartScore;
    this.totalsStale = false;
  }
}
