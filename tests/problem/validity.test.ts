import { describe, expect, it } from 'vitest';
import { Rule } from '../../algorithms/problem/validityRules.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { experiment, place, repeat, tinyIndividual, type Rows } from '../support/tinyProblem.js';

// Profile: every hour group1 sends 1000 requests, group2 500. Experiment: 4 h, 400 requests → 100 per hour.
const GROUPS = [1000, 500];

describe('validity rules (spec §4), each with a passing and a failing case', () => {
  it('1. duration ≥ minDuration', () => {
    const ok = tinyIndividual(GROUPS, [experiment({ id: 1 })]);
    place(ok, 0, 0, repeat({ 0: 100 }, 4));
    expect(ok.valid).toBe(true);
    const short = tinyIndividual(GROUPS, [experiment({ id: 1, requiredTotalTraffic: 300 })]);
    place(short, 0, 0, repeat({ 0: 100 }, 3));
    expect(short.ruleFlags[0]).toBe(Rule.minDuration);
    expect(listViolations(short)[0].message).toBe('experiment 1: runs 3 h, needs at least 4 h');
  });

  it('2. enough traffic in every hour: 100 ‰ of 1000 = 100 passes, 99 ‰ = 99 fails', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1 })]);
    place(individual, 0, 0, repeat({ 0: 100 }, 4));
    expect(individual.valid).toBe(true);
    place(individual, 0, 0, [{ 0: 100 }, { 0: 100 }, { 0: 99 }, { 0: 100 }]);
    expect(individual.ruleFlags[0]).toBe(Rule.enoughTraffic);
    expect(listViolations(individual).map((v) => v.message)).toEqual(['experiment 1, hour 2: gets 99 requests, needs 100']);
  });

  it('2. consumption sums over groups: 50 ‰ of 1000 + 100 ‰ of 500 = 100', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1 })]);
    place(individual, 0, 0, repeat({ 0: 50, 1: 100 }, 4));
    expect(individual.valid).toBe(true);
  });

  it('3. not interrupted: an hour whose groups all have fraction 0 breaks it', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, requiredTotalTraffic: 0 })]);
    place(individual, 0, 0, repeat({ 0: 1 }, 4));
    expect(individual.valid).toBe(true);
    place(individual, 0, 0, [{ 0: 1 }, { 0: 0 }, { 0: 1 }, { 0: 1 }]);
    expect(individual.ruleFlags[0]).toBe(Rule.uninterrupted);
    expect(listViolations(individual)[0].message).toContain('hour 1: no group has a fraction > 0');
  });

  it('4. business experiments keep the same groups; regression experiments may switch', () => {
    const switching: Rows = [{ 0: 100 }, { 0: 100 }, { 0: 100, 1: 0 }, { 0: 100 }];
    const regression = tinyIndividual(GROUPS, [experiment({ id: 1 })]);
    place(regression, 0, 0, switching);
    expect(regression.valid).toBe(true);
    const business = tinyIndividual(GROUPS, [experiment({ id: 1, type: 'BUSINESS' })]);
    place(business, 0, 0, repeat({ 0: 100 }, 4));
    expect(business.valid).toBe(true);
    place(business, 0, 0, switching);
    expect(business.ruleFlags[0]).toBe(Rule.sameGroups);
    expect(listViolations(business)[0].message).toBe('experiment 1, hour 2: business experiment switches groups (group1 → group1+group2)');
  });

  it('5. capacity per service, group and hour: 500 + 500 ‰ fits, 600 + 600 ‰ does not', () => {
    const experiments = [experiment({ id: 1 }), experiment({ id: 2 })];
    const fits = tinyIndividual(GROUPS, experiments);
    place(fits, 0, 0, repeat({ 0: 500 }, 4));
    place(fits, 1, 0, repeat({ 0: 500 }, 4));
    expect(fits.valid).toBe(true);
    expect(fits.capacityLoadAt(0, 0, 0)).toBe(1000);
    const over = tinyIndividual(GROUPS, experiments);
    place(over, 0, 0, repeat({ 0: 600 }, 4));
    place(over, 1, 2, repeat({ 0: 600 }, 4));
    expect(over.valid).toBe(false);
    expect(over.overloadedCells).toBe(2); // hours 2 and 3 of group1
    expect(listViolations(over).map((v) => v.message)).toEqual([
      'hour 2: group1 at 120 % capacity on service1 (experiments 1, 2)',
      'hour 3: group1 at 120 % capacity on service1 (experiments 1, 2)',
    ]);
  });

  it('5. capacity is per target service: different services do not compete', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1 }), experiment({ id: 2, targetService: 'service2' })]);
    place(individual, 0, 0, repeat({ 0: 600 }, 4));
    place(individual, 1, 0, repeat({ 0: 600 }, 4));
    expect(individual.valid).toBe(true);
  });

  it('6. every hour lies inside the profile', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1 })], 24);
    place(individual, 0, 20, repeat({ 0: 100 }, 4));
    expect(individual.valid).toBe(true);
    place(individual, 0, 21, repeat({ 0: 100 }, 4));
    expect(individual.ruleFlags[0]).toBe(Rule.insideProfile);
    expect(listViolations(individual)[0].message).toBe("experiment 1: runs hours 21–24, outside the profile's hours 0–23");
  });

  it('§10: running experiments start at 0 and running business experiments keep their groups', () => {
    const running = experiment({ id: 1, type: 'BUSINESS', running: true });
    const individual = tinyIndividual(GROUPS, [running], 24, { fixedGroups: new Map([[1, ['group2']]]) });
    place(individual, 0, 0, repeat({ 1: 200 }, 4));
    expect(individual.valid).toBe(true);
    place(individual, 0, 1, repeat({ 1: 200 }, 4));
    expect(individual.ruleFlags[0]).toBe(Rule.runningPinned);
    place(individual, 0, 0, repeat({ 0: 100 }, 4));
    expect(individual.ruleFlags[0]).toBe(Rule.runningKeepsGroups);
  });
});
