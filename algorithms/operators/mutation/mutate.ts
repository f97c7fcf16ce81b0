import type { Individual } from '../../problem/individual.js';
import type { Rng } from '../../random/rng.js';
import { deriveTraffic } from '../deriveTraffic.js';
import { addGroup, addGroupRange } from './addGroup.js';
import { flipGroup, flipGroupRange } from './flipGroup.js';
import { moveSchedule } from './moveSchedule.js';
import type { MutationOperation } from './mutationContext.js';
import { removeGroup, removeGroupRange } from './removeGroup.js';
import { extendSchedule, shortenSchedule } from './resizeSchedule.js';

export interface MutationParams {
  /** chance that an individual is mutated at all (else returned unchanged) */
  readonly mutationProbability: number;
  /** operations per mutation = round(experiments × scope) */
  readonly mutationScope: number;
  /** largest shift of a move in hours (default MAX_MOVE_HOURS = 48, the spec's) */
  readonly maxMoveHours?: number;
}

/** The nine operations with the paper's weights (spec §8). */
export const MUTATION_OPERATIONS: readonly { name: string; weight: number; apply: MutationOperation }[] = [
  { name: 'move', weight: 40, apply: moveSchedule },
  { name: 'shorten', weight: 10, apply: shortenSchedule },
  { name: 'extend', weight: 5, apply: extendSchedule },
  { name: 'flip-group', weight: 10, apply: flipGroup },
  { name: 'flip-group-range', weight: 5, apply: flipGroupRange },
  { name: 'add-group', weight: 10, apply: addGroup },
  { name: 'add-group-range', weight: 5, apply: addGroupRange },
  { name: 'remove-group', weight: 10, apply: removeGroup },
  { name: 'remove-group-range', weight: 5, apply: removeGroupRange },
];
const TOTAL_WEIGHT = MUTATION_OPERATIONS.reduce((sum, operation) => sum + operation.weight, 0);

function drawOperation(rng: Rng): MutationOperation {
  let ticket = rng.below(TOTAL_WEIGHT);
  for (const operation of MUTATION_OPERATIONS) {
    ticket -= operation.weight;
    if (ticket < 0) return operation.apply;
  }
  return MUTATION_OPERATIONS[0].apply;
}

/** round(n · scope) in the original's float arithmetic (30 × 0.15f rounds to 5). */
export function operationsPerMutation(experiments: number, scope: number): number {
  return Math.round(Math.fround(experiments * Math.fround(scope)));
}

/**
 * Mutates the individual in place (spec §8). With probability `mutationProbability` applies
 * round(n · scope) operations, each to a uniformly chosen experiment, redrawing operations that
 * do not apply; after each, the experiment's traffic is re-derived. Returns the number of
 * operations applied (0 = unchanged).
 */
export function mutate(individual: Individual, params: MutationParams, rng: Rng): number {
  if (!rng.chance(params.mutationProbability)) return 0;
  const { problem } = individual;
  const n = problem.experiments.length;
  const operations = operationsPerMutation(n, params.mutationScope);
  let applied = 0;
  while (applied < operations) {
    const e = rng.below(n);
    const operation = drawOperation(rng);
    const changed = operation(individual.beginEdit(e), e, problem, rng, params);
    if (!changed) {
      individual.cancelEdit(e);
      continue;
    }
    deriveTraffic(individual, e, rng);
    individual.endEdit(e);
    applied++;
  }
  return applied;
}
