import type { ExperimentSchedule } from '../../problem/experimentSchedule.js';
import { groupsAreFrozen, randomGroupOf, randomRange, type MutationOperation } from './mutationContext.js';

function groupsUsedIn(schedule: ExperimentSchedule, first: number, last: number): number {
  let mask = 0;
  for (let offset = first; offset <= last; offset++) mask |= schedule.groupMask[offset];
  return mask;
}

/** Removes group g in hours [first, last] wherever it is not the only group. */
function removeInRange(schedule: ExperimentSchedule, g: number, first: number, last: number): void {
  const bit = 1 << g;
  for (let offset = first; offset <= last; offset++) {
    const mask = schedule.groupMask[offset];
    if ((mask & bit) !== 0 && mask !== bit) schedule.removeGroup(offset, g);
  }
}

/** remove-group: a random used group leaves every hour where it is not alone. */
export const removeGroup: MutationOperation = (schedule, e, problem, rng) => {
  if (groupsAreFrozen(problem, e)) return false;
  const g = randomGroupOf(groupsUsedIn(schedule, 0, schedule.duration - 1), rng);
  if (g < 0) return false;
  removeInRange(schedule, g, 0, schedule.duration - 1);
  return true;
};

/** remove-group-range: the same within a random range of hours. */
export const removeGroupRange: MutationOperation = (schedule, e, problem, rng) => {
  if (groupsAreFrozen(problem, e)) return false;
  const [first, last] = randomRange(schedule, rng);
  const g = randomGroupOf(groupsUsedIn(schedule, first, last), rng);
  if (g < 0) return false;
  removeInRange(schedule, g, first, last);
  return true;
};
