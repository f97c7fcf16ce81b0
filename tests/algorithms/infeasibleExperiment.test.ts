import { describe, expect, it } from 'vitest';
import { buildIndividual, InfeasibleExperimentError } from '../../algorithms/operators/buildIndividual.js';
import { Rng } from '../../algorithms/random/rng.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { experiment, flatProfile } from '../support/tinyProblem.js';
import { smallBudgetParams } from './support/smallBudget.js';

// Two weeks in which each of three groups sends 100 requests an hour: at most 200 from the best two groups.
const profile = flatProfile(24 * 14, [100, 100, 100]);
const feasible = experiment({ id: 1, minDuration: 24, requiredTotalTraffic: 24 * 50 });
/** needs 1000 requests per hour: five times what any pair of groups ever sends */
const greedy = experiment({ id: 7, minDuration: 24, requiredTotalTraffic: 24 * 1000 });

describe('an experiment that can never fit (spec §6 quirk: the published sampler hangs)', () => {
  it('buildIndividual fails fast with InfeasibleExperimentError naming the experiment and why', () => {
    const problem = createProblem(profile, [feasible, greedy]);
    const started = performance.now();
    let caught: unknown;
    try {
      buildIndividual(problem, Rng.fromSeed(1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InfeasibleExperimentError);
    const error = caught as InfeasibleExperimentError;
    expect(error.experimentId).toBe(7);
    expect(error.message).toMatch(/^experiment 7 cannot be placed: it needs 1000 requests\/hour .* never send more than 200 in an hour/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('an experiment that fits alone but not beside the others is named too', () => {
    // each needs 150/h for the whole profile: two of them always exceed the 300 requests an hour
    const whole = 24 * 14;
    const problem = createProblem(profile, [
      experiment({ id: 11, minDuration: whole, requiredTotalTraffic: whole * 150 }),
      experiment({ id: 12, minDuration: whole, requiredTotalTraffic: whole * 150 }),
      experiment({ id: 13, minDuration: whole, requiredTotalTraffic: whole * 150 }),
    ]);
    expect(() => buildIndividual(problem, Rng.fromSeed(2))).toThrow(/experiment 1[123] cannot be placed: no valid placement found beside the other experiments/);
  });

  // the sampler's refusal: every sampling algorithm inherits it (the constructive greedy does not sample)
  it.each(algorithmNames().filter((name) => name !== 'greedy'))('%s stops with the same error instead of hanging', (name) => {
    const problem = createProblem(profile, [feasible, greedy]);
    expect(() => getAlgorithm(name).run(problem, smallBudgetParams(name), { rng: Rng.fromSeed(3) })).toThrow(InfeasibleExperimentError);
  });

  it('the refusal is the sampler\'s: the experiment does fit on all three groups over ≥ 80 h, and greedy places it', () => {
    const problem = createProblem(profile, [feasible, greedy]);
    const result = getAlgorithm('greedy').run(problem, smallBudgetParams('greedy'), { rng: Rng.fromSeed(3) });
    expect(result.best.valid).toBe(true);
    // 24 000 requests at ≤ 300 an hour need at least 80 hours
    expect(result.best.schedules[1].duration).toBeGreaterThanOrEqual(80);
  });
});
