import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyCrossover } from '../../algorithms/operators/greedyCrossover.js';
import { mutate } from '../../algorithms/operators/mutation/mutate.js';
import { samplePopulation } from '../../algorithms/operators/samplePopulation.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { Rng } from '../../algorithms/random/rng.js';
import { genetic } from '../../algorithms/genetic.js';
import { localSearch } from '../../algorithms/localSearch.js';
import { derivedState } from '../support/derivedState.js';
import { experiment, tinyIndividual } from '../support/tinyProblem.js';
import { syntheticProblem } from '../algorithms/support/syntheticProblem.js';

const experiments = [
  experiment({ id: 1, preferredUserGroup: ['group1'] }),
  experiment({ id: 2, type: 'BUSINESS', priority: 3 }),
  experiment({ id: 3, baseType: 'GradualExperiment', startTraffic: 20, requiredTotalTraffic: 300, preferredUserGroup: ['group2', 'group3'] }),
  experiment({ id: 4, targetService: 'service2', priority: 2 }),
  experiment({ id: 5, priority: 7, preferredUserGroup: ['group3'] }),
];

const edit = fc.record({
  experiment: fc.nat(experiments.length - 1),
  start: fc.integer({ min: -2, max: 40 }),
  rows: fc.array(fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 700 })), { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(individual: Individual, edits: readonly Edit[]): void {
  for (const change of edits) {
    const schedule = individual.beginEdit(change.experiment);
    schedule.reset(change.start, change.rows.length);
    change.rows.forEach((row, offset) => row.forEach(([group, permille]) => schedule.setGroup(offset, group, permille)));
    individual.endEdit(change.experiment);
  }
}

/** Every schedule's content as plain data (what aliasing would corrupt). */
const contents = (individual: Individual) => individual.schedules.map((schedule) => ({
  start: schedule.start,
  mask: Array.from(schedule.groupMask.subarray(0, schedule.duration)),
  permille: Array.from(schedule.permille.subarray(0, schedule.duration * schedule.groupCount)),
}));

/** The spec's totals (§5) summed left to right in experiment order, written out independently of Individual. */
function specTotals(individual: Individual): number[] {
  const { problem } = individual;
  let duration = 0;
  let start = 0;
  let coverage = 0;
  problem.experiments.forEach((experiment, e) => {
    if (!individual.placed[e]) return;
    duration += experiment.priority * individual.durationScores[e];
    start += experiment.priority * individual.startScores[e];
    if (experiment.preferredUserGroup.length > 0) coverage += experiment.priority * individual.coverageScores[e];
  });
  const D = duration / problem.prioritySum;
  const S = start / problem.prioritySum;
  const U = problem.preferredPrioritySum > 0 ? coverage / problem.preferredPrioritySum : 1;
  return [D, U, S, problem.weights.duration * D + problem.weights.userGroup * U + problem.weights.start * S];
}

describe('copy-on-write schedules', () => {
  it('editing a copy never changes the original, and both stay equal to a from-scratch evaluation', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), fc.array(edit, { minLength: 1, maxLength: 15 }), (before, after) => {
      const original = tinyIndividual([1000, 500, 300], experiments, 36);
      applyEdits(original, before);
      const stateBefore = derivedState(original);
      const contentBefore = contents(original);
      const copy = original.clone();
      const third = new Individual(original.problem);
      third.copyFrom(copy);
      applyEdits(copy, after);
      expect(derivedState(original)).toEqual(stateBefore);
      expect(contents(original)).toEqual(contentBefore);
      expect(contents(third)).toEqual(contentBefore);
      for (const individual of [original, copy, third]) {
        const reference = individual.clone();
        reference.evaluateFromScratch();
        expect(derivedState(individual)).toEqual(derivedState(reference));
      }
    }), { numRuns: 200, seed: 1201 });
  });

  it('a copy shares every schedule until it edits one; holders count the sharing individuals', () => {
    const original = tinyIndividual([1000, 500, 300], experiments, 36);
    applyEdits(original, experiments.map((_, e) => ({ experiment: e, start: e, rows: [[[0, 100]], [[0, 100]]] as [number, number][][] })));
    const copy = original.clone();
    expect(copy.schedules.every((schedule, e) => schedule === original.schedules[e] && schedule.holders === 2)).toBe(true);
    const edited = copy.beginEdit(2);
    edited.start = 9;
    copy.endEdit(2);
    expect(edited).not.toBe(original.schedules[2]);
    expect(original.schedules[2].holders).toBe(1);
    expect(edited.holders).toBe(1);
    expect(original.schedules[2].start).toBe(2);
    // a schedule held by one individual only is edited in place
    expect(copy.beginEdit(2)).toBe(edited);
    copy.cancelEdit(2);
  });
});

describe('greedy crossover from a copy of one parent equals assembling the child and rebuilding its capacity table', () => {
  it.each(['take-over', 'rebuild', 'cheaper'] as const)('%s: for parents that share some schedules and differ in others (state and schedules)', (assembly) => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), fc.boolean(), (common, onlyFirst, onlySecond, recycled) => {
      const first = tinyIndividual([1000, 500, 300], experiments, 36);
      applyEdits(first, common);
      const second = first.clone();
      applyEdits(first, onlyFirst);
      applyEdits(second, onlySecond);
      const parentsBefore = [derivedState(first), derivedState(second), contents(first), contents(second)];

      const child = recycled ? second.clone() : new Individual(first.problem);
      if (recycled) applyEdits(child, onlyFirst);
      greedyCrossover(first, second, child, assembly);

      // the reference: the published assembly, per experiment the fitter parent's schedule (ties: second), then a full rebuild
      const reference = new Individual(first.problem);
      experiments.forEach((_, e) => reference.adoptExperiment(e, first.experimentFitness(e) > second.experimentFitness(e) ? first : second));
      reference.rebuildCapacityLoad();
      expect(derivedState(child)).toEqual(derivedState(reference));
      expect(contents(child)).toEqual(contents(reference));
      const fromScratch = child.clone();
      fromScratch.evaluateFromScratch();
      expect(derivedState(child)).toEqual(derivedState(fromScratch));
      expect([derivedState(first), derivedState(second), contents(first), contents(second)]).toEqual(parentsBefore);
    }), { numRuns: 300, seed: 1202 });
  });
});

describe('lazily re-summed totals', () => {
  it('are bit-identical to the spec\'s left-to-right sums after any edits, copies and unplacements', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), fc.nat(experiments.length - 1), (edits, removed) => {
      const individual = tinyIndividual([1000, 500, 300], experiments, 36);
      applyEdits(individual, edits.slice(0, edits.length >> 1));
      expect([individual.durationScore, individual.userGroupScore, individual.startScore, individual.fitness]).toEqual(specTotals(individual));
      const copy = individual.clone();
      applyEdits(copy, edits.slice(edits.length >> 1));
      copy.unplace(removed);
      for (const candidate of [individual, copy]) {
        // Object.is: +0 and −0 and every bit of the double must agree
        specTotals(candidate).forEach((value, i) => expect(Object.is(value, [candidate.durationScore, candidate.userGroupScore, candidate.startScore, candidate.fitness][i])).toBe(true));
      }
    }), { numRuns: 300, seed: 1203 });
  });
});

describe('algorithms on shared schedules', () => {
  it('every individual of a GA population and of mutated LS copies stays consistent with its schedules', () => {
    const problem = syntheticProblem();
    const population = samplePopulation(problem, 12, Rng.fromSeed(5));
    const contentBefore = population.map(contents);
    const result = genetic.run(problem, genetic.paramsSchema.parse({ populationSize: 12, generations: 15, elitism: 3 }), { rng: Rng.fromSeed(6), initialPopulation: population });
    const ls = localSearch.run(problem, localSearch.paramsSchema.parse({ iterations: 150 }), { rng: Rng.fromSeed(7), initialPopulation: population });
    // the shared initial population is read by every algorithm of a repetition: it must come back untouched
    expect(population.map(contents)).toEqual(contentBefore);
    for (const individual of [...result.population!, ...population, ls.best]) {
      const reference = individual.clone();
      reference.evaluateFromScratch();
      expect(derivedState(individual)).toEqual(derivedState(reference));
    }
    // children made from the same parents share the schedules the mutation left alone
    const shared = result.population!.slice(1).reduce((count, individual) =>
      count + individual.schedules.filter((schedule, e) => schedule === result.population![0].schedules[e]).length, 0);
    expect(shared).toBeGreaterThan(0);
  });

  it('mutating a copy leaves the individual it was copied from untouched', () => {
    const problem = syntheticProblem();
    const [parent] = samplePopulation(problem, 1, Rng.fromSeed(8));
    const before = [derivedState(parent), contents(parent)];
    const rng = Rng.fromSeed(9);
    const child = new Individual(problem);
    for (let i = 0; i < 200; i++) {
      child.copyFrom(parent);
      mutate(child, { mutationProbability: 1, mutationScope: 0.5 }, rng);
    }
    expect([derivedState(parent), contents(parent)]).toEqual(before);
  });
});
