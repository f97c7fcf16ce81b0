import { describe, expect, it } from 'vitest';
import { onePlusOne } from '../../algorithms/examples/onePlusOne.js';
import { samplePopulation } from '../../algorithms/operators/samplePopulation.js';
import { Rng } from '../../algorithms/random/rng.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import { syntheticProblem } from './support/syntheticProblem.js';

describe('the example algorithm: (1+1) EA', () => {
  it('is registered as one-plus-one with its defaults', () => {
    expect(getAlgorithm('one-plus-one')).toBe(onePlusOne);
    expect(onePlusOne.paramsSchema.parse({})).toEqual({ iterations: 3000, mutationProbability: 1, mutationScope: 0.15 });
    expect(() => onePlusOne.paramsSchema.parse({ generations: 3 })).toThrow();
  });

  it('improves on its start, never gets worse, and returns a valid schedule', () => {
    const problem = syntheticProblem();
    const initial = samplePopulation(problem, 5, Rng.fromSeed(1));
    const before = initial.map((individual) => individual.fitness);
    const start = Math.max(...before);
    const result = onePlusOne.run(problem, onePlusOne.paramsSchema.parse({ iterations: 500 }), { rng: Rng.fromSeed(2), initialPopulation: initial });
    expect(result.trace).toHaveLength(501);
    expect(result.trace[0].fitness).toBe(start);
    result.trace.slice(1).forEach((point, i) => expect(point.fitness).toBeGreaterThanOrEqual(result.trace[i].fitness));
    expect(result.best.valid).toBe(true);
    expect(result.best.fitness).toBeGreaterThan(start);
    expect(result.counters.mutations).toBeGreaterThanOrEqual(500); // mutationProbability 1: every offspring is mutated
    expect(initial.map((individual) => individual.fitness)).toEqual(before); // the shared population is left untouched
  });

  it('reports progress and can be stopped', () => {
    const problem = syntheticProblem();
    const controller = new AbortController();
    const steps: number[] = [];
    expect(() => onePlusOne.run(problem, onePlusOne.paramsSchema.parse({ iterations: 1000 }), {
      rng: Rng.fromSeed(3),
      signal: controller.signal,
      onProgress: (progress) => {
        steps.push(progress.step);
        if (progress.step === 10) controller.abort(new Error('stopped by the test'));
      },
    })).toThrow('stopped by the test');
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
