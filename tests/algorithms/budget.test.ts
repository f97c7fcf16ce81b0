import { describe, expect, it } from 'vitest';
import type { AlgorithmResult, RunOptions } from '../../algorithms/algorithm.js';
import { samplePopulation } from '../../algorithms/operators/samplePopulation.js';
import { Rng } from '../../algorithms/random/rng.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { Termination } from '../../algorithms/termination.js';
import { smallBudgetParams } from './support/smallBudget.js';
import { syntheticProblem } from './support/syntheticProblem.js';

const problem = syntheticProblem();

function run(name: string, options: Omit<RunOptions, 'rng'>, params: unknown = getAlgorithm(name).paramsSchema.parse({})): AlgorithmResult {
  return getAlgorithm(name).run(problem, params, { rng: Rng.fromSeed(7), ...options });
}

describe('Termination', () => {
  const state = { step: 0, bestFitness: 0.5, evaluations: 0, elapsedMs: 0 };
  it('stops at the first limit reached: target, evaluations, time, then steps', () => {
    const termination = new Termination(10, 0.9, 100, 1000);
    expect(termination.stopReason(state)).toBeUndefined();
    expect(termination.stopReason({ ...state, step: 10 })).toBe('steps');
    expect(termination.stopReason({ ...state, elapsedMs: 1000 })).toBe('time');
    expect(termination.stopReason({ ...state, evaluations: 100, elapsedMs: 1000 })).toBe('evaluations');
    expect(termination.stopReason({ ...state, bestFitness: 0.9, evaluations: 100 })).toBe('target');
  });

  it('adds a budget to the own limits, or replaces the own step limit with it', () => {
    const own = new Termination(90, 1);
    expect(own.withBudget(undefined)).toBe(own);
    const kept = own.withBudget({ evaluations: 500 });
    expect([kept.maxSteps, kept.targetFitness, kept.maxEvaluations, kept.maxMilliseconds]).toEqual([90, 1, 500, Infinity]);
    expect(kept.hasBudget).toBe(true);
    const lifted = own.withBudget({ milliseconds: 20, ownSteps: false });
    expect([lifted.maxSteps, lifted.targetFitness, lifted.maxEvaluations, lifted.maxMilliseconds]).toEqual([Infinity, 1, Infinity, 20]);
    expect(own.hasBudget).toBe(false);
    expect(() => new Termination(-1)).toThrow('maxSteps must be ≥ 0');
    const fixed = Termination.fixed(0).withBudget({ evaluations: 10, ownSteps: false });
    expect([fixed.maxSteps, fixed.maxEvaluations, fixed.fixedSteps]).toEqual([0, 10, true]);
    // a constructive algorithm that has done its work stopped because it was done, whatever else is spent
    expect(fixed.stopReason({ step: 0, bestFitness: 0.5, evaluations: 30, elapsedMs: 1e6 })).toBe('steps');
  });
});

/** Constructive algorithms build one solution and stop: budgets do not apply to them (checked below). */
const iterative = algorithmNames().filter((name) => getAlgorithm(name).constructive !== true);

describe.each(algorithmNames().filter((name) => !iterative.includes(name)))('%s (constructive) under a budget', (name) => {
  it('builds the same solution and stops, whatever the budget', () => {
    const free = run(name, {});
    for (const budget of [{ evaluations: 1000, ownSteps: false }, { milliseconds: 60, ownSteps: false }, { evaluations: 1 }]) {
      const budgeted = run(name, { budget });
      expect(budgeted.best.fitness).toBe(free.best.fitness);
      expect(budgeted.counters).toEqual(free.counters);
      expect(budgeted.trace.length).toBe(1);
    }
  });
});

describe.each(iterative)('%s under a budget', (name) => {
  it('an evaluation budget replacing its own steps is met to within 1 %', () => {
    for (const budget of [1000, 2500]) {
      const result = run(name, { budget: { evaluations: budget, ownSteps: false } });
      expect(result.stoppedBy).toBe('evaluations');
      expect(result.counters.evaluations).toBeGreaterThanOrEqual(budget);
      expect(result.counters.evaluations).toBeLessThanOrEqual(budget * 1.01);
      expect(result.best.valid).toBe(true);
    }
  });

  it('its own steps still stop it first when the budget is larger and ownSteps is kept', () => {
    const params = smallBudgetParams(name);
    const free = run(name, {}, params);
    const budgeted = run(name, { budget: { evaluations: free.counters.evaluations * 10 } }, params);
    expect(budgeted.stoppedBy).toBe('steps');
    expect(budgeted.counters).toEqual(free.counters);
    expect(budgeted.best.fitness).toBe(free.best.fitness);
  });

  it('a wall-time budget stops it (fake clock: 1 ms per reading)', () => {
    let now = 0;
    const result = run(name, { budget: { milliseconds: 60, ownSteps: false }, clock: () => now++ });
    expect(result.stoppedBy).toBe('time');
    expect(result.trace.at(-1)!.elapsedMs).toBeGreaterThanOrEqual(60);
    expect(result.best.valid).toBe(true);
  });

  it('traces the cumulative evaluations and elapsed time of every step', () => {
    const result = run(name, { budget: { evaluations: 600, ownSteps: false } });
    const { trace } = result;
    trace.slice(1).forEach((point, i) => {
      expect(point.evaluations).toBeGreaterThanOrEqual(trace[i].evaluations);
      expect(point.elapsedMs).toBeGreaterThanOrEqual(trace[i].elapsedMs);
    });
    expect(trace.at(-1)!.evaluations).toBe(result.counters.evaluations);
  });
});

describe('evaluations count what the algorithm sampled itself', () => {
  it('GA and LS count the start population they sample, not a given one', () => {
    const population = samplePopulation(problem, 10, Rng.fromSeed(3));
    for (const name of ['genetic', 'local-search']) {
      const params = getAlgorithm(name).paramsSchema.parse({ populationSize: 10, ...(name === 'genetic' ? { generations: 0 } : { iterations: 0 }) });
      expect(run(name, {}, params).counters.evaluations).toBe(10);
      expect(run(name, { initialPopulation: population }, params).counters.evaluations).toBe(0);
    }
  });

  it('GA and LS at the same evaluation budget report evaluations within 1 % of it and of each other', () => {
    const budget = 5000;
    const ga = run('genetic', { budget: { evaluations: budget, ownSteps: false } });
    const ls = run('local-search', { budget: { evaluations: budget, ownSteps: false } });
    for (const result of [ga, ls]) expect(Math.abs(result.counters.evaluations - budget) / budget).toBeLessThanOrEqual(0.01);
    // the GA's generations evaluate ~35 children each; its last one ended inside the generation
    expect(ga.trace.length - 1).toBeLessThan(budget / 30);
    expect(ls.trace.length - 1).toBeGreaterThan(budget / 3);
  });
});
