import { consumedRequests, FULL_CAPACITY_PERMILLE } from './fractions.js';
import type { Individual } from './individual.js';
import { minTrafficAt } from './experiment.js';
import type { RuleName } from './validityRules.js';

export interface Violation {
  readonly rule: RuleName;
  readonly experimentId: number | undefined;
  readonly hour: number | undefined;
  readonly message: string;
}

/**
 * Every broken rule of an individual as a human-readable list, e.g.
 * `experiment 7, hour 312: group3 at 104 % capacity`. A slow, allocation-happy report for
 * people; the search loop reads `Individual.valid` instead. `limit` caps the list.
 * `hourShift` is added to every hour reported (a re-scheduled plan read in the profile's hours).
 */
export function listViolations(individual: Individual, limit = 1000, hourShift = 0): Violation[] {
  const { problem } = individual;
  const { profile } = problem;
  const groups = profile.groups;
  const out: Violation[] = [];
  const add = (rule: RuleName, experimentId: number | undefined, planHour: number | undefined, text: string) => {
    if (out.length >= limit) return;
    const hour = planHour === undefined ? undefined : planHour + hourShift;
    const where = [experimentId !== undefined ? `experiment ${experimentId}` : undefined, hour !== undefined ? `hour ${hour}` : undefined]
      .filter(Boolean).join(', ');
    out.push({ rule, experimentId, hour, message: where ? `${where}: ${text}` : text });
  };
  const groupNames = (mask: number) => groups.filter((_, g) => (mask >>> g) & 1).join('+') || 'no group';

  problem.experiments.forEach((experiment, e) => {
    if (!individual.placed[e]) return;
    const schedule = individual.schedules[e];
    const { start, duration } = schedule;
    if (duration < experiment.minDuration) add('minDuration', experiment.id, undefined, `runs ${duration} h, needs at least ${experiment.minDuration} h`);
    if (duration === 0) add('uninterrupted', experiment.id, undefined, 'has no scheduled hour');
    if (start < 0 || start + duration > profile.hours) {
      add('insideProfile', experiment.id, undefined, `runs hours ${start + hourShift}–${start + duration - 1 + hourShift}, outside the profile's hours ${hourShift}–${profile.hours - 1 + hourShift}`);
    }
    if (problem.running[e] && start !== 0) add('runningPinned', experiment.id, undefined, `is running and must start at hour ${hourShift}, starts at ${start + hourShift}`);
    for (let offset = 0; offset < duration; offset++) {
      const hour = start + offset;
      const mask = schedule.groupMask[offset];
      if (problem.business[e] && mask !== schedule.groupMask[0]) {
        add('sameGroups', experiment.id, hour, `business experiment switches groups (${groupNames(schedule.groupMask[0])} → ${groupNames(mask)})`);
      }
      if (problem.fixedGroupMask[e] && mask !== problem.fixedGroupMask[e]) {
        add('runningKeepsGroups', experiment.id, hour, `running business experiment must keep ${groupNames(problem.fixedGroupMask[e])}, uses ${groupNames(mask)}`);
      }
      // hours outside the profile break rule 6 only (reported above); nothing more to check there
      if (hour < 0 || hour >= profile.hours) continue;
      let anyPositive = false;
      let consumed = 0;
      for (let g = 0; g < groups.length; g++) {
        if (!((mask >>> g) & 1)) continue;
        const permille = schedule.fractionPermille(offset, g);
        if (permille > 0) anyPositive = true;
        consumed += consumedRequests(profile.requests[hour * groups.length + g], permille);
      }
      if (!anyPositive) add('uninterrupted', experiment.id, hour, 'no group has a fraction > 0 (the experiment is interrupted)');
      const minimum = minTrafficAt(experiment, offset, duration);
      if (consumed < minimum) add('enoughTraffic', experiment.id, hour, `gets ${consumed} requests, needs ${minimum}`);
    }
  });

  // Capacity: name each experiment that uses an overloaded cell.
  individual.capacity.forEachCellAbove(FULL_CAPACITY_PERMILLE, (service, hour, g, load) => {
    if (out.length >= limit) return false;
    const users = problem.experiments.filter((_, e) => {
      const schedule = individual.schedules[e];
      const offset = hour - schedule.start;
      return individual.placed[e] && problem.serviceOf[e] === service && offset >= 0 && offset < schedule.duration &&
        schedule.fractionPermille(offset, g) > 0 && ((schedule.groupMask[offset] >>> g) & 1) === 1;
    }).map((experiment) => experiment.id);
    const percent = (load / 10).toFixed(1).replace(/\.0$/, '');
    add('capacity', users.length === 1 ? users[0] : undefined, hour,
      `${groups[g]} at ${percent} % capacity on ${problem.services[service]} (experiments ${users.join(', ')})`);
    return out.length < limit;
  });
  return out;
}
