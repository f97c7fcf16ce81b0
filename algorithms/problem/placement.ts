import { constantMinTraffic, gradualRampNumerator, rampAt } from './experiment.js';
import { BLOCK_HOURS } from './capacityTable.js';
import { ExperimentSchedule } from './experimentSchedule.js';
import { consumedRequestsInt32, FULL_CAPACITY_PERMILLE, MAX_PERMILLE } from './fractions.js';
import type { Individual } from './individual.js';

/**
 * Problem-level queries every algorithm can use to build schedules on purpose instead of by
 * sampling: how much of a group's traffic is still free for a service, the smallest fraction that
 * yields a number of requests, and "place experiment e at start s for d hours on groups G with
 * fractions sized to its need". All arithmetic is the validity rules' own (int32 consumption of
 * whole per-mille fractions), so a placement these functions accept is valid by rules 1–3 and 5.
 */

/** Per-mille of group `group`'s traffic at `hour` not yet given to experiments of `service` (0 outside the profile or when overloaded). */
export function remainingPermilleAt(individual: Individual, service: number, hour: number, group: number): number {
  const { hours } = individual.problem.profile;
  if (hour < 0 || hour >= hours) return 0;
  const free = FULL_CAPACITY_PERMILLE - individual.capacityLoadAt(service, hour, group);
  return free > 0 ? free : 0;
}

/** The least per-mille of `group` still free for `service` over hours [fromHour, toHour): what a constant share over that range may take. */
export function remainingCapacity(individual: Individual, service: number, group: number, fromHour: number, toHour: number): number {
  let least = FULL_CAPACITY_PERMILLE;
  for (let hour = fromHour; hour < toHour && least > 0; hour++) {
    const free = remainingPermilleAt(individual, service, hour, group);
    if (free < least) least = free;
  }
  return fromHour < toHour ? least : 0;
}

/**
 * The smallest whole per-mille p whose consumption `round(requests · p/1000)` (the validity rule's
 * arithmetic) is at least `need`; MAX_PERMILLE + 1 when no fraction reaches it.
 */
/** Module-local copies: an imported binding is read through a getter on every use in a hot loop. */
const MAX_PERMILLE_HERE = MAX_PERMILLE;
const FULL_PERMILLE_HERE = FULL_CAPACITY_PERMILLE;

export function permilleForRequests(requests: number, need: number): number {
  if (need <= 0) return 0;
  if (requests <= 0) return MAX_PERMILLE_HERE + 1;
  // the float formula of spec §6 (requiredPermille with share 1) lands on or next to the answer;
  // step to the exact smallest value. Inlined: this is the greedy's innermost call.
  let permille = Math.ceil(Math.fround(Math.fround(Math.fround(need) / requests) * 1000));
  if (permille > MAX_PERMILLE_HERE) permille = MAX_PERMILLE_HERE + 1;
  while (permille > 0 && ((Math.fround(requests * Math.fround((permille - 1) / 1000)) + 0.5) | 0) >= need) permille--;
  while (permille <= MAX_PERMILLE_HERE && ((Math.fround(requests * Math.fround(permille / 1000)) + 0.5) | 0) < need) permille++;
  return permille;
}

/** The minimum traffic of experiment e at each offset of a `duration`-hour schedule (spec §2), as a reusable function. */
export function minimumTrafficOf(individual: Individual, e: number, duration: number): (offset: number) => number {
  const { problem } = individual;
  const experiment = problem.experiments[e];
  if (problem.gradual[e] === 1) {
    const numerator = gradualRampNumerator(experiment, duration);
    const start = experiment.startTraffic ?? 0;
    const squared = duration * duration;
    return (offset) => rampAt(numerator, start, offset, squared);
  }
  const constant = constantMinTraffic(experiment.requiredTotalTraffic, duration);
  return () => constant;
}

/**
 * Writes into `target` a schedule of experiment e at `start` for `duration` hours on the groups of
 * `groupOrder` (every hour the same group set, so business experiments keep their groups), each hour
 * filling the groups in the given order with the least fraction that meets the remaining need,
 * up to what each group still has free. The individual is only read (e's own load, if e is
 * placed, counts as taken: withdraw it first with `beginEdit(e)`).
 * Returns -1 when every hour's need is met, else the first offset whose need cannot be met
 * (then `target` holds a partial schedule).
 */
export function sizeFractions(
  individual: Individual,
  e: number,
  target: ExperimentSchedule,
  start: number,
  duration: number,
  groupOrder: readonly number[],
): number {
  const { problem } = individual;
  const { requests, hours } = problem.profile;
  const groups = problem.profile.groups.length;
  const full = FULL_PERMILLE_HERE;
  const table = individual.capacity;
  const service = problem.serviceOf[e];
  const blockMask = BLOCK_HOURS - 1; // a local: an imported binding is a getter call per read under tsx
  // rows are cleared as they are filled: a placement that fails early costs only the hours it looked at
  target.reserve(duration);
  target.start = start;
  target.duration = duration;
  const { groupMask, permille } = target;
  let mask = 0;
  for (const g of groupOrder) mask |= 1 << g;
  const minimum = minimumTrafficOf(individual, e, duration);
  for (let offset = 0; offset < duration; offset++) {
    const hour = start + offset;
    if (hour < 0 || hour >= hours || mask === 0) return offset;
    groupMask[offset] = mask;
    const row = offset * groups;
    permille.fill(0, row, row + groups);
    const load = table.blockOf(service, hour);
    const cellBase = (hour & blockMask) * groups;
    let remaining = minimum(offset);
    let anyPositive = false;
    for (let i = 0; i < groupOrder.length && remaining > 0; i++) {
      const g = groupOrder[i];
      const free = full - load[cellBase + g];
      if (free <= 0) continue;
      const available = requests[hour * groups + g];
      let amount = permilleForRequests(available, remaining);
      if (amount > free) amount = free;
      if (amount === 0) continue;
      permille[row + g] = amount;
      // consumedRequestsInt32(available, amount), inlined
      remaining -= (Math.fround(available * Math.fround(amount / 1000)) + 0.5) | 0;
      anyPositive = true;
    }
    if (remaining > 0) return offset;
    if (!anyPositive) {
      // a need of 0 (a ramp starting at 0) still needs a fraction > 0 (rule 3: not interrupted)
      let g = -1;
      for (let i = 0; i < groupOrder.length && g < 0; i++) if (load[cellBase + groupOrder[i]] < full) g = groupOrder[i];
      if (g < 0) return offset;
      permille[row + g] = 1;
    }
  }
  return -1;
}

/**
 * Places experiment e at `start` for `duration` hours on `groupOrder` with fractions sized to its
 * need (see sizeFractions), if that fits beside the other experiments; otherwise leaves the
 * individual unchanged. `scratch` is reused storage (one per caller, to keep the loop allocation-free).
 * Returns true when e now has that schedule and breaks no rule of its own.
 */
export function placeExperimentAt(
  individual: Individual,
  e: number,
  start: number,
  duration: number,
  groupOrder: readonly number[],
  scratch: ExperimentSchedule = new ExperimentSchedule(individual.problem.profile.groups.length, duration),
): boolean {
  individual.beginEdit(e);
  if (sizeFractions(individual, e, scratch, start, duration, groupOrder) >= 0) {
    individual.cancelEdit(e);
    return false;
  }
  individual.schedules[e].copyFrom(scratch);
  individual.endEdit(e);
  return individual.ruleFlags[e] === 0;
}

/**
 * Share of a schedule's hours in which one of experiment e's preferred groups is primary: present and
 * consuming strictly more than every other group of that hour (spec §5; 1 without preferences).
 * The same rule as Individual's coverage score, for a schedule not (yet) in an individual.
 */
export function coverageOf(individual: Individual, e: number, schedule: ExperimentSchedule): number {
  const { problem } = individual;
  const preferred = problem.preferredMask[e];
  if (preferred === 0) return 1;
  if (schedule.duration === 0) return 0;
  const { requests, hours } = problem.profile;
  const groups = problem.profile.groups.length;
  let covered = 0;
  for (let offset = 0; offset < schedule.duration; offset++) {
    const hour = schedule.start + offset;
    if (hour < 0 || hour >= hours) continue;
    let top = -1;
    let second = -1;
    let topGroup = -1;
    for (let mask = schedule.groupMask[offset]; mask !== 0; mask &= mask - 1) {
      const g = 31 - Math.clz32(mask & -mask);
      const consumed = consumedRequestsInt32(requests[hour * groups + g], schedule.permille[offset * groups + g]);
      if (consumed > top) {
        second = top;
        top = consumed;
        topGroup = g;
      } else if (consumed > second) second = consumed;
    }
    if (topGroup >= 0 && top > second && ((preferred >>> topGroup) & 1) === 1) covered++;
  }
  return covered / schedule.duration;
}
