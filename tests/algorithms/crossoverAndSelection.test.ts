import { describe, expect, it } from 'vitest';
import { Individual } from '../../algorithms/problem/individual.js';
import { greedyCrossover } from '../../algorithms/operators/greedyCrossover.js';
import { rouletteSelection } from '../../algorithms/operators/rouletteSelection.js';
import { Rng } from '../../algorithms/random/rng.js';
import { experiment, place, repeat, tinyIndividual } from '../support/tinyProblem.js';

// Three 4-hour experiments needing 100 requests per hour; group1 sends 1000/h, group2 500/h.
const experiments = [experiment({ id: 1 }), experiment({ id: 2, priority: 3 }), experiment({ id: 3, priority: 2 })];

function parents() {
  const first = tinyIndividual([1000, 500], experiments, 48);
  const second = new Individual(first.problem);
  place(first, 0, 0, repeat({ 0: 100 }, 4)); // e0: first starts earlier → fitter
  place(second, 0, 3, repeat({ 0: 100 }, 4));
  place(first, 1, 10, repeat({ 0: 100 }, 4)); // e1: second starts earlier → fitter
  place(second, 1, 2, repeat({ 0: 100 }, 4));
  place(first, 2, 5, repeat({ 0: 100 }, 4)); // e2: same start and length → equal fitness, different groups
  place(second, 2, 5, repeat({ 1: 200 }, 4));
  return { first, second };
}

describe('greedy crossover (spec §7)', () => {
  it('copies, per experiment, the schedule of the parent with the higher per-experiment fitness; ties go to the second parent', () => {
    const { first, second } = parents();
    expect(first.experimentFitness(0)).toBeGreaterThan(second.experimentFitness(0));
    expect(second.experimentFitness(1)).toBeGreaterThan(first.experimentFitness(1));
    expect(first.experimentFitness(2)).toBe(second.experimentFitness(2));

    const child = new Individual(first.problem);
    greedyCrossover(first, second, child);
    expect(child.schedules.map((schedule) => schedule.start)).toEqual([0, 2, 5]);
    expect(child.schedules[2].groupMask[0]).toBe(0b10); // the tie went to the second parent (group2)
    expect(child.valid).toBe(true);
    for (let e = 0; e < 3; e++) expect(child.experimentFitness(e)).toBe(Math.max(first.experimentFitness(e), second.experimentFitness(e)));

    const reference = child.clone();
    reference.evaluateFromScratch();
    expect(child.fitness).toBe(reference.fitness);
  });

  it('swapping the parents swaps only the ties', () => {
    const { first, second } = parents();
    const child = new Individual(first.problem);
    greedyCrossover(second, first, child);
    expect(child.schedules.map((schedule) => schedule.start)).toEqual([0, 2, 5]);
    expect(child.schedules[2].groupMask[0]).toBe(0b01);
  });

  it('overwrites whatever the child held before (recycled individuals)', () => {
    const { first, second } = parents();
    const child = second.clone();
    place(child, 0, 40, repeat({ 1: 900 }, 8));
    greedyCrossover(first, second, child);
    expect(child.schedules[0].start).toBe(0);
    expect(child.schedules[0].duration).toBe(4);
  });
});

describe('roulette selection (spec §7)', () => {
  function populationWithFitness(values: number[]): Individual[] {
    // roulette selection reads only `fitness`
    return values.map((fitness) => ({ fitness }) as Individual);
  }

  function frequencies(values: number[], draws: number, seed: number): number[] {
    const population = populationWithFitness(values);
    const rng = Rng.fromSeed(seed);
    const counts = values.map(() => 0);
    for (let i = 0; i < draws; i++) counts[rouletteSelection(population, rng)]++;
    return counts;
  }

  it('picks index i with probability fitness_i / Σ fitness (chi-square, 100 000 draws)', () => {
    const fitness = [0.1, 0.2, 0.3, 0.4];
    const draws = 100_000;
    const counts = frequencies(fitness, draws, 11);
    const total = fitness.reduce((a, b) => a + b, 0);
    const chiSquare = counts.reduce((sum, count, i) => {
      const expected = (draws * fitness[i]) / total;
      return sum + (count - expected) ** 2 / expected;
    }, 0);
    expect(chiSquare).toBeLessThan(16.27); // χ²(3 df), p = 0.001
    counts.forEach((count, i) => expect(Math.abs(count / draws - fitness[i] / total)).toBeLessThan(0.01));
  });

  it('never picks a member of fitness 0 while others are positive', () => {
    expect(frequencies([0.5, 0, 0.5, 0], 20_000, 5)).toEqual([expect.any(Number), 0, expect.any(Number), 0]);
  });

  it('all fitness 0: uniform', () => {
    const counts = frequencies([0, 0, 0, 0], 40_000, 9);
    counts.forEach((count) => expect(Math.abs(count / 40_000 - 0.25)).toBeLessThan(0.015));
  });
});
