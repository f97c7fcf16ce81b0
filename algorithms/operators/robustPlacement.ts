import { ExperimentSchedule } from '../problem/experimentSchedule.js';
import type { Individual } from '../problem/individual.js';
import { placeExperimentAt } from '../problem/placement.js';
import type { Rng } from '../random/rng.js';
import type { BestFitPlacer } from './bestPlacement.js';

/** Random placements tried per experiment before the constructive fallback. */
export const ROBUST_RANDOM_ATTEMPTS = 20;

/**
 * The robust sampler's placement of experiment e (unplaced): random placements first — a start in
 * a window that fits the profile and widens with the attempts up to the published [0, 48·n), a
 * duration minDuration + U[0, 12·n) likewise (cut to the profile), a random set of groups that grows with the attempts up to
 * all groups (a preferred group first in half the draws; a running business experiment keeps its
 * fixed groups), fractions sized to the need hour by hour beside the experiments already placed —
 * then, if none fits, the constructive best fit (and any fit) of `placer`.
 * Returns false only when nothing fits at all (the caller explains why).
 */
export function placeRobustly(individual: Individual, e: number, rng: Rng, placer: BestFitPlacer, scratch: ExperimentSchedule): boolean {
  const { problem } = individual;
  const n = problem.experiments.length;
  const { hours, groups } = problem.profile;
  const minimum = Math.max(1, problem.experiments[e].minDuration);
  const running = problem.running[e] === 1;
  const latestStart = running ? 0 : hours - minimum;
  const fixed = problem.fixedGroupMask[e];
  const preferred = problem.preferredMask[e];
  const members: number[] = [];
  for (let attempt = 0; attempt < ROBUST_RANDOM_ATTEMPTS && latestStart >= 0; attempt++) {
    // windows widen with the attempts, up to the published ones: early draws stay near hour 0 and
    // the minimum duration (good scores), later ones spread out (room beside the others)
    const widening = (attempt + 1) / ROBUST_RANDOM_ATTEMPTS;
    const start = running ? 0 : rng.below(Math.min(Math.ceil(48 * n * widening), latestStart + 1));
    const duration = minimum + rng.below(Math.min(Math.ceil(12 * n * widening), hours - start - minimum + 1));
    members.length = 0;
    if (fixed !== 0) {
      for (let m = fixed; m !== 0; m &= m - 1) members.push(31 - Math.clz32(m & -m));
    } else {
      const size = 1 + rng.below(Math.min(groups.length, 1 + Math.floor(attempt / 4)));
      const pool = rng.shuffle(groups.map((_, g) => g));
      if (preferred !== 0 && rng.below(2) === 0) {
        // one preferred group, first in the fill order, so it can be primary
        const choices = pool.filter((g) => ((preferred >>> g) & 1) === 1);
        const lead = rng.pick(choices);
        pool.splice(pool.indexOf(lead), 1);
        pool.unshift(lead);
      }
      members.push(...pool.slice(0, size));
    }
    if (placeExperimentAt(individual, e, start, duration, members, scratch)) return true;
    if (individual.placed[e]) individual.unplace(e);
  }
  return placer.place(individual, e);
}

/** Storage a robust sampler reuses across experiments. */
export function robustScratch(individual: Individual): ExperimentSchedule {
  return new ExperimentSchedule(individual.problem.profile.groups.length, 16);
}
