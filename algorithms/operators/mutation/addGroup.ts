import type { ExperimentSchedule } from '../../problem/experimentSchedule.js';
import { ADDED_GROUP_PERMILLE, groupsAreFrozen, randomRange, type MutationOperation } from './mutationContext.js';

/** Adds group g with 0.005 in hours [first, last] where it is absent or at 0. */
function addInRange(schedule: ExperimentSchedule, g: number, first: number, last: number): void {
  for (let offset = first; offset <= last; offset++) {
    const present = (schedule.groupMask[offset] >>> g) & 1;
    if (!present || schedule.fractionPermille(offset, g) === 0) schedule.setGroup(offset, g, ADDED_GROUP_PERMILLE);
  }
}

/** add-group: a random group joins every hour. */
export const addGroup: MutationOperation = (schedule, e, problem, rng) => {
  if (groupsAreFrozen(problem, e)) return false;
  addInRange(schedule, rng.below(schedule.groupCount), 0, schedule.duration - 1);
  return true;
};

/** add-group-range: a random group joins a random range of hours. */
export const addGroupRange: MutationOperation = (schedule, e, problem, rng) => {
  if (groupsAreFrozen(problem, e)) return false;
  const [first, last] = randomRange(schedule, rng);
  addInRange(schedule, rng.below(schedule.groupCount), first, last);
  return true;
};
