import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_HOURS } from '../../algorithms/problem/capacityTable.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { FULL_CAPACITY_PERMILLE } from '../../algorithms/problem/fractions.js';
import { greedyCrossover } from '../../algorithms/operators/greedyCrossover.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { experiment, tinyIndividual } from '../support/tinyProblem.js';

// 200 hours: blocks of 64, 64, 64 and 8 hours per service; two services
const HOURS = 200;
const experiments = [
  experiment({ id: 1 }),
  experiment({ id: 2, targetService: 'service2', type: 'BUSINESS' }),
  experiment({ id: 3, baseType: 'GradualExperiment', startTraffic: 10, requiredTotalTraffic: 900 }),
  experiment({ id: 4, targetService: 'service2', priority: 4, preferredUserGroup: ['group2'] }),
];

const edit = fc.record({
  experiment: fc.nat(experiments.length - 1),
  start: fc.integer({ min: -5, max: HOURS + 5 }),
  hours: fc.integer({ min: 1, max: 150 }),
  // each hour: group → per-mille (one of a few patterns, so that loads pile up past 1000 at times)
  pattern: fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 900 })), { minLength: 1, maxLength: 3 }),
  step: fc.integer({ min: 1, max: 40 }),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(individual: Individual, change: Edit): void {
  const schedule = individual.beginEdit(change.experiment);
  schedule.reset(change.start, change.hours);
  for (let offset = 0; offset < change.hours; offset++) {
    // the pattern changes every `step` hours: runs of equal group sets that cross block boundaries
    const [group, permille] = change.pattern[Math.floor(offset / change.step) % change.pattern.length];
    schedule.setGroup(offset, group, permille);
  }
  individual.endEdit(change.experiment);
}

/** The capacity load straight from the spec (rule 5), dense, computed without the Individual's table. */
function referenceLoad(individual: Individual): Int32Array {
  const { problem } = individual;
  const groups = problem.profile.groups.length;
  const dense = new Int32Array(problem.services.length * HOURS * groups);
  individual.schedules.forEach((schedule, e) => {
    if (!individual.placed[e]) return;
    for (let offset = 0; offset < schedule.duration; offset++) {
      const hour = schedule.start + offset;
      if (hour < 0 || hour >= HOURS) continue;
      for (let g = 0; g < groups; g++) {
        if ((schedule.groupMask[offset] >>> g) & 1) dense[(problem.serviceOf[e] * HOURS + hour) * groups + g] += schedule.fractionPermille(offset, g);
      }
    }
  });
  return dense;
}

function expectTableMatches(individual: Individual): void {
  const reference = referenceLoad(individual);
  expect(Array.from(individual.capacityLoadTable())).toEqual(Array.from(reference));
  expect(individual.overloadedCells).toBe(reference.filter((load) => load > FULL_CAPACITY_PERMILLE).length);
  const groups = individual.problem.profile.groups.length;
  for (let cell = 0; cell < reference.length; cell += 37) {
    const g = cell % groups;
    const hour = Math.floor(cell / groups) % HOURS;
    const service = Math.floor(cell / groups / HOURS);
    expect(individual.capacityLoadAt(service, hour, g)).toBe(reference[cell]);
  }
}

describe('the blocked, copy-on-write capacity table equals the dense sum of rule 5', () => {
  it('after edits, copies, further edits of either copy and crossovers (schedules crossing block boundaries, two services)', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (common, onFirst, onCopy) => {
      const first = tinyIndividual([1000, 500, 300], experiments, HOURS);
      common.forEach((change) => applyEdit(first, change));
      const copy = first.clone();
      onFirst.forEach((change) => applyEdit(first, change));
      onCopy.forEach((change) => applyEdit(copy, change));
      const child = new Individual(first.problem);
      greedyCrossover(first, copy, child, 'take-over');
      const rebuilt = new Individual(first.problem);
      greedyCrossover(first, copy, rebuilt, 'rebuild');
      for (const individual of [first, copy, child, rebuilt]) expectTableMatches(individual);
      const fromScratch = child.clone();
      fromScratch.evaluateFromScratch();
      expectTableMatches(fromScratch);
      // the violation report finds every overloaded cell through the blocks
      const capacity = listViolations(child, 10_000).filter((violation) => violation.rule === 'capacity');
      expect(capacity.length).toBe(child.overloadedCells);
    }), { numRuns: 300, seed: 1205 });
  });
});

describe('memory of the capacity table', () => {
  it('a copy shares every block; an edit makes private only the blocks its schedule covers', () => {
    const individual = tinyIndividual([1000, 500, 300], experiments, HOURS);
    applyEdit(individual, { experiment: 0, start: 10, hours: 150, pattern: [[0, 100]], step: 1 });
    applyEdit(individual, { experiment: 1, start: 0, hours: 40, pattern: [[1, 100]], step: 1 });
    expect(individual.capacity.privateBlocks).toBe(3 + 1); // service1: hours 10–159 (blocks 0–2); service2: block 0
    const copy = individual.clone();
    expect(copy.capacity.privateBlocks).toBe(0);
    expect(individual.capacity.privateBlocks).toBe(0);
    applyEdit(copy, { experiment: 1, start: 100, hours: 20, pattern: [[1, 100]], step: 1 });
    // withdrawn from service2's block 0 (copied), added to its block 1 (a copy of the zero block); service1's three still shared
    expect(copy.capacity.privateBlocks).toBe(2);
    // the original now alone holds its service2 block 0; its block 1 is still the zero block
    expect(individual.capacity.privateBlocks).toBe(1);
    expectTableMatches(individual);
    expectTableMatches(copy);
  });

  it('grows with the hours scheduled, not with services × profile hours', () => {
    // 200 services on a year of hours: a dense table would be 200 × 8760 × 3 cells (21 MB) per individual
    const many = Array.from({ length: 200 }, (_, i) => experiment({ id: i + 1, targetService: `service${i}` }));
    const individual = tinyIndividual([1000, 500, 300], many, 8760);
    many.forEach((_, e) => {
      const schedule = individual.beginEdit(e);
      schedule.reset(30 * e, 4);
      for (let offset = 0; offset < 4; offset++) schedule.setGroup(offset, 0, 100);
      individual.endEdit(e);
    });
    expect(individual.valid).toBe(true);
    // each 4-hour schedule lies in one or two blocks of its own service
    expect(individual.capacity.privateBlocks).toBeGreaterThanOrEqual(200);
    expect(individual.capacity.privateBlocks).toBeLessThanOrEqual(400);
    expect(individual.capacity.blocks.length).toBe(200 * Math.ceil(8760 / BLOCK_HOURS));
  });
});
