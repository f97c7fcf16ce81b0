import { describe, expect, it } from 'vitest';
import { buildIndividual, InfeasibleExperimentError } from '../../algorithms/operators/buildIndividual.js';
import { samplePopulation } from '../../algorithms/operators/samplePopulation.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { Rng } from '../../algorithms/random/rng.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { experiment, flatProfile } from '../support/tinyProblem.js';
import { smallBudgetParams } from './support/smallBudget.js';
import { witnessedInstance } from './support/witnessedInstances.js';

const tiny = (name: string) => {
  const params = smallBudgetParams(name) as Record<string, unknown>;
  const shrunk = Object.fromEntries(Object.entries(params).map(([key, value]) =>
    [key, key === 'iterations' ? 50 : key === 'generations' ? 3 : key === 'populationSize' ? 6 : value]));
  return getAlgorithm(name).paramsSchema.parse(shrunk);
};

describe('the robust sampler schedules inputs the published sampler refuses (issue 12)', () => {
  // 3 groups of 4000 requests/h for two weeks; 1 000 000 requests over ≥ 96 h is ~10 417/h: more than any
  // one or two groups send (8000), so the published sampler (1–2 groups, ≤ 96 + 12 h) can never place it
  const profile = flatProfile(24 * 14, [4000, 4000, 4000]);
  const heavy = experiment({ id: 4, minDuration: 96, requiredTotalTraffic: 1_000_000 });

  it('as-published refuses it', () => {
    expect(() => buildIndividual(createProblem(profile, [heavy]), Rng.fromSeed(1))).toThrow(InfeasibleExperimentError);
  });

  it.each(algorithmNames())('%s schedules it with sampler robust', (name) => {
    const result = getAlgorithm(name).run(createProblem(profile, [heavy]), tiny(name), { rng: Rng.fromSeed(1), sampler: 'robust' });
    expect(result.best.valid).toBe(true);
    expect(result.best.complete).toBe(true);
  });
});

describe('every witnessed-feasible random input is scheduled by every algorithm with the robust sampler', () => {
  const instances = Array.from({ length: 120 }, (_, i) => witnessedInstance(1000 + i));

  it('the generator\'s witnesses are valid and complete (so every input is feasible)', () => {
    for (const { witness } of instances) {
      expect(witness.complete).toBe(true);
      expect(witness.valid).toBe(true);
    }
    expect(instances.filter(({ problem }) => problem.experiments.length >= 3).length).toBeGreaterThan(30);
  });

  it.each(algorithmNames())('%s: 120 of 120 inputs scheduled, valid and complete', (name) => {
    const failures: string[] = [];
    for (const [i, { problem }] of instances.entries()) {
      try {
        const result = getAlgorithm(name).run(problem, tiny(name), { rng: Rng.fromSeed(i), sampler: 'robust' });
        if (!result.best.valid || !result.best.complete) failures.push(`${problem.experiments.length} experiments (instance ${i}): invalid result`);
      } catch (error) {
        failures.push(`instance ${i}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('infeasibility is claimed only with a true, checkable reason', () => {
  const profile = flatProfile(48, [100, 100, 100]);
  it('too heavy at every duration: the need against what all groups send', () => {
    const problem = createProblem(profile, [experiment({ id: 9, minDuration: 48, requiredTotalTraffic: 48 * 301 })]);
    expect(() => samplePopulation(problem, 2, Rng.fromSeed(1), 'robust')).toThrow(
      /^experiment 9 cannot be placed: it needs 301 requests\/hour at hour offset 0 \(at its minimum duration of 48 h\) but all groups together send at most 300 in the weakest hour of any window of 48 hours/);
  });
  it('does not fit beside the others: names them and where capacity is full', () => {
    const problem = createProblem(profile, [
      experiment({ id: 1, minDuration: 48, requiredTotalTraffic: 48 * 200 }),
      experiment({ id: 2, minDuration: 48, requiredTotalTraffic: 48 * 200 }),
    ]);
    expect(() => samplePopulation(problem, 2, Rng.fromSeed(1), 'robust')).toThrow(
      /^experiment [12] cannot be placed: alone it fits \(e\.g\. from hour 0 for 48 h on all groups together\), but it does not fit beside experiments [12] of service service1: at hour 0–47 the free capacity falls short of its need/);
  });
});

describe('robust sampling is reproducible and varied', () => {
  const { problem } = witnessedInstance(7);
  it('same seed → the same population; different seeds → different ones', () => {
    const key = (seed: number) => samplePopulation(problem, 5, Rng.fromSeed(seed), 'robust')
      .map((individual) => individual.schedules.map((schedule) => `${schedule.start}+${schedule.duration}`).join(' ')).join('|');
    expect(key(3)).toBe(key(3));
    expect(key(3)).not.toBe(key(4));
  });
});
