import type { Counters } from '../algorithm.js';
import type { Individual } from '../problem/individual.js';
import type { Rng } from '../random/rng.js';
import { mutate, type MutationParams } from './mutation/mutate.js';

/** Mutation attempts before a step gives up and keeps the current solution (a safety net). */
export const MAX_NEIGHBOUR_ATTEMPTS = 10_000;

/**
 * Writes a valid mutated copy of `current` into `candidate` (LS/SA, spec §8): mutate a copy
 * until it is valid. With the paper's mutation probability 0.5 half the copies are unchanged
 * (and valid): that is the published behaviour. Returns false if no valid neighbour was found.
 */
export function validNeighbour(current: Individual, candidate: Individual, params: MutationParams, rng: Rng, counters: Counters): boolean {
  for (let attempt = 0; attempt < MAX_NEIGHBOUR_ATTEMPTS; attempt++) {
    candidate.copyFrom(current);
    counters.mutations += mutate(candidate, params, rng);
    counters.evaluations++;
    if (candidate.valid) return true;
    counters.invalidCandidates++;
  }
  return false;
}
