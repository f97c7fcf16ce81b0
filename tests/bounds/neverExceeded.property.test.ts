import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../algorithms/problem/problem.js';
import { capacityRelaxation } from '../../algorithms/bounds/capacityRelaxation.js';
import { highsSolver } from '../../algorithms/bounds/highsSolver.js';
import { isolationBound } from '../../algorithms/bounds/isolationBound.js';
import { trivialBound } from '../../algorithms/bounds/trivialBound.js';
import { upperBoundWith } from '../../algorithms/bounds/upperBound.js';
import { InfeasibleExperimentError } from '../../algorithms/operators/buildIndividual.js';
import { Rng } from '../../algorithms/random/rng.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { smallBudgetParams } from '../algorithms/support/smallBudget.js';
import { smallInstances } from './support/smallInstances.js';

describe('no registered algorithm ever scores above a bound', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsSolver();
  });

  /** Runs every registered algorithm on each instance and checks every valid result against every bound. */
  const checkInstances = (instances: fc.Arbitrary<Problem>, seed: number) => {
    const counts = { instances: 0, compared: 0, capacityBelowIsolation: 0 };
    fc.assert(fc.property(instances, fc.integer({ min: 1, max: 1000 }), (problem, runSeed) => {
      const trivial = trivialBound(problem);
      const isolation = isolationBound(problem);
      const combined = upperBoundWith(problem, highs);
      const capacity = isolation.infeasible ? undefined : capacityRelaxation(problem, isolation.experiments, highs);
      if (capacity && capacity.bound < isolation.bound - 1e-6) counts.capacityBelowIsolation++;
      let placedHere = 0;
      for (const name of algorithmNames()) {
        let fitness: number;
        try {
          const result = getAlgorithm(name).run(problem, smallBudgetParams(name), { rng: Rng.fromSeed(runSeed) });
          if (!result.best.valid || !result.best.complete) continue;
          fitness = result.best.fitness;
        } catch (error) {
          // the sampler names an experiment it cannot place; such an instance may have no valid schedule
          if (error instanceof InfeasibleExperimentError) continue;
          throw error;
        }
        placedHere++;
        counts.compared++;
        expect(isolation.infeasible).toBe(false);
        expect(fitness).toBeLessThanOrEqual(trivial);
        expect(fitness).toBeLessThanOrEqual(isolation.bound);
        expect(fitness).toBeLessThanOrEqual(capacity!.bound);
        expect(fitness).toBeLessThanOrEqual(combined.bound);
      }
      if (placedHere > 0) counts.instances++;
    }), { numRuns: 200, seed });
    return counts;
  };

  it('200 mixed random small instances (types, services, preferences, running experiments)', () => {
    const counts = checkInstances(smallInstances(), 20180923);
    // the property must have had something to check
    expect(counts.instances).toBeGreaterThan(180);
    expect(counts.compared).toBeGreaterThan(180 * algorithmNames().length * 0.9);
  });

  it('200 congested instances (3–6 experiments on one service, 1–2 groups): the capacity rows bind', () => {
    const counts = checkInstances(smallInstances({ experiments: { min: 3, max: 6 }, groups: { min: 1, max: 2 }, load: { min: 0.3, max: 0.9 }, secondService: 0, running: false }), 19);
    expect(counts.instances).toBeGreaterThan(150);
    // the capacity relaxation must have been tighter than the isolation bound on most of them
    expect(counts.capacityBelowIsolation).toBeGreaterThan(100);
  });
});
