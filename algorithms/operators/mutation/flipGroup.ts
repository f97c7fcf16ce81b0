import type { ExperimentSchedule } from '../../problem/experimentSchedule.js';
import { MAX_PERMILLE } from '../../problem/fractions.js';
import { ADDED_GROUP_PERMILLE, groupsAreFrozen, randomOtherGroup, randomPresentGroup, randomRange, type MutationOperation } from './mutationContext.js';

/**
 * Replaces group `from` by `to` in hours [first, last]: `to` takes over `from`'s fraction (added
 * to its own if present); where `from` is absent, `to` gets +0.005 (the original's semantics).
 */
function flipInRange(schedule: ExperimentSchedule, from: number, to: number, first: number, last: number): void {
  const groups = schedule.groupCount;
  for (let offset = first; offset <= last; offset++) {
    const mask = schedule.groupMask[offset];
    const moved = (mask >>> from) & 1 ? schedule.permille[offset * groups + from] : ADDED_GROUP_PERMILLE;
    const own = (mask >>> to) & 1 ? schedule.permille[offset * groups + to] : 0;
    schedule.removeGroup(offset, from);
    schedule.setGroup(offset, to, Math.min(MAX_PERMILLE, own + moved));
  }
}

/** flip-group: a group used in a random hour is replaced by a different random group in every hour. */
export const flipGroup: MutationOperation = (schedule, e, problem, rng) => {
  if (groupsAreFrozen(problem, e) || schedule.groupCount < 2) return false;
  const from = randomPresentGroup(schedule, rng.below(schedule.duration), rng);
  if (from < 0) return false;
  flipInRange(schedule, from, randomOtherGroup(schedule.groupCount, from, rng), 0, schedule.duration - 1);
  return true;
};

/** flip-group-range: the same on a random contiguous range of hours; regression experiments only. */
export const flipGroupRange: MutationOperation = (schedule, e, problem, rng) => {
  if (problem.business[e] === 1 || schedule.groupCount < 2) return false;
  const [first, last] = randomRange(schedule, rng);
  const from = randomPresentGroup(schedule, first, rng);
  if (from < 0) return false;
  flipInRange(schedule, from, randomOtherGroup(schedule.groupCount, from, rng), first, last);
  return true;
};
