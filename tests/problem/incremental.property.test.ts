import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Individual } from '../../algorithms/problem/individual.js';
import { Rule } from '../../algorithms/problem/validityRules.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { derivedState } from '../support/derivedState.js';
import { experiment, tinyIndividual } from '../support/tinyProblem.js';

/** A random edit of one experiment's schedule: new start, duration and per-hour groups/fractions. */
const edit = fc.record({
  experiment: fc.nat(3),
  start: fc.integer({ min: -2, max: 40 }),
  rows: fc.array(fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 700 })), { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Replaces each edited experiment's schedule through the edit protocol. */
function applyEdits(individual: Individual, edits: readonly Edit[]): void {
  for (const change of edits) {
    individual.beginEdit(change.experiment);
    const schedule = individual.schedules[change.experiment];
    schedule.reset(change.start, change.rows.length);
    change.rows.forEach((row, offset) => row.forEach(([group, permille]) => schedule.setGroup(offset, group, permille)));
    individual.endEdit(change.experiment);
  }
}


describe('incremental accounting equals a from-scratch recomputation', () => {
  it('after any sequence of schedule edits (capacity load, validity, scores)', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
      const individual = tinyIndividual([1000, 500, 300], [
        experiment({ id: 1, preferredUserGroup: ['group1'] }),
        experiment({ id: 2, type: 'BUSINESS', priority: 3 }),
        experiment({ id: 3, baseType: 'GradualExperiment', startTraffic: 20, requiredTotalTraffic: 300, preferredUserGroup: ['group2', 'group3'] }),
        experiment({ id: 4, targetService: 'service2', priority: 2 }),
      ], 36);
      applyEdits(individual, edits);
      const incremental = derivedState(individual);
      const fromScratch = individual.clone();
      fromScratch.evaluateFromScratch();
      expect(incremental).toEqual(derivedState(fromScratch));
    }), { numRuns: 300, seed: 20181 });
  });
});

describe('assembling an individual from donors (greedy crossover path)', () => {
  it('adoptExperiment + rebuildCapacityLoad equals a from-scratch evaluation', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (editsA, editsB, picks) => {
      const experiments = [
        experiment({ id: 1, preferredUserGroup: ['group1'] }),
        experiment({ id: 2, type: 'BUSINESS', priority: 3 }),
        experiment({ id: 3, baseType: 'GradualExperiment', startTraffic: 20, requiredTotalTraffic: 300 }),
        experiment({ id: 4, targetService: 'service2', priority: 2 }),
      ];
      const parents = [editsA, editsB].map((edits) => {
        const individual = tinyIndividual([1000, 500, 300], experiments, 36);
        applyEdits(individual, edits);
        return individual;
      });
      const child = parents[1].clone();
      picks.forEach((pickFirst, e) => child.adoptExperiment(e, parents[pickFirst ? 0 : 1]));
      child.rebuildCapacityLoad();
      const reference = child.clone();
      reference.evaluateFromScratch();
      expect(derivedState(child)).toEqual(derivedState(reference));
    }), { numRuns: 200, seed: 20182 });
  });
});

describe('the violation report agrees with the search loop\'s rule flags', () => {
  it('same broken rules per experiment, and capacity violations exactly when cells are overloaded', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
      const individual = tinyIndividual([1000, 500, 300], [
        experiment({ id: 1, preferredUserGroup: ['group1'] }),
        experiment({ id: 2, type: 'BUSINESS', priority: 3 }),
        experiment({ id: 3, baseType: 'GradualExperiment', startTraffic: 20, requiredTotalTraffic: 300 }),
        experiment({ id: 4, targetService: 'service2', priority: 2 }),
      ], 36);
      applyEdits(individual, edits);
      const violations = listViolations(individual, Number.POSITIVE_INFINITY);
      individual.problem.experiments.forEach((experiment, e) => {
        const reported = new Set(violations.filter((v) => v.rule !== 'capacity' && v.experimentId === experiment.id).map((v) => v.rule));
        const flagged = new Set(Object.entries(Rule).filter(([, bit]) => (individual.ruleFlags[e] & bit) !== 0).map(([name]) => name));
        expect(reported).toEqual(flagged);
      });
      expect(violations.some((v) => v.rule === 'capacity')).toBe(individual.overloadedCells > 0);
    }), { numRuns: 300, seed: 20183 });
  });
});
