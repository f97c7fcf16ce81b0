import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndividual } from '../../algorithms/operators/buildIndividual.js';
import { deriveTraffic } from '../../algorithms/operators/deriveTraffic.js';
import { mutate, MUTATION_OPERATIONS } from '../../algorithms/operators/mutation/mutate.js';
import { Rng } from '../../algorithms/random/rng.js';
import { derivedState } from '../support/derivedState.js';
import { syntheticProblem, syntheticReschedulingProblem } from './support/syntheticProblem.js';

/** One step: a single named operation on one experiment (as `mutate` applies it), or a whole `mutate` call. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('operation' as const), experiment: fc.nat(5), operation: fc.nat(MUTATION_OPERATIONS.length - 1), seed: fc.integer() }),
  fc.record({ kind: fc.constant('mutate' as const), scope: fc.double({ min: 0.1, max: 1, noNaN: true }), seed: fc.integer() }),
);

describe('incremental state equals evaluateFromScratch after random mutation sequences', () => {
  const starts = [
    ['fresh scheduling', buildIndividual(syntheticProblem(), Rng.fromSeed(1))],
    ['re-scheduling (running experiments)', buildIndividual(syntheticReschedulingProblem(), Rng.fromSeed(2))],
  ] as const;

  it.each(starts)('%s', (_, start) => {
    expect(start.valid).toBe(true);
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      const individual = start.clone();
      for (const change of steps) {
        const rng = Rng.fromSeed(change.seed);
        if (change.kind === 'mutate') {
          mutate(individual, { mutationProbability: 1, mutationScope: change.scope }, rng);
          continue;
        }
        const e = change.experiment;
        individual.beginEdit(e);
        if (MUTATION_OPERATIONS[change.operation].apply(individual.schedules[e], e, individual.problem, rng)) {
          deriveTraffic(individual, e, rng);
          individual.endEdit(e);
        } else {
          individual.cancelEdit(e);
        }
      }
      const reference = individual.clone();
      reference.evaluateFromScratch();
      expect(derivedState(individual)).toEqual(derivedState(reference));
    }), { numRuns: 200, seed: 2018 });
  });
});
