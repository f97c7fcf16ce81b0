import { describe, expect, it } from 'vitest';
import { BestFitPlacer, DEFAULT_PLACEMENT_SEARCH } from '../../algorithms/operators/bestPlacement.js';
import { experiment, place, tinyIndividual } from '../support/tinyProblem.js';

describe('best-fit placement beside cells the others already overload', () => {
  // a re-scheduling seed whose carried experiments got their traffic re-derived may overload cells
  // (completeSeed then discards it as invalid); placing a new experiment into it must not throw
  // "breaks a rule" for an overload that is not its own (found by a simulation study, issue 16)
  it('places the new experiment where there is room and adds no overload', () => {
    const individual = tinyIndividual([1000, 1000], [
      experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 4000 }),
      experiment({ id: 2, minDuration: 4, requiredTotalTraffic: 2000 }),
      experiment({ id: 3, minDuration: 4, requiredTotalTraffic: 400 }),
    ]);
    // experiments 1 and 2 share group 1 in hours 0–3 at 100 % + 50 %: 4 overloaded cells
    place(individual, 0, 0, [{ 0: 1000 }, { 0: 1000 }, { 0: 1000 }, { 0: 1000 }]);
    place(individual, 1, 0, [{ 0: 500 }, { 0: 500 }, { 0: 500 }, { 0: 500 }]);
    expect(individual.overloadedCells).toBe(4);
    expect(new BestFitPlacer(individual.problem, DEFAULT_PLACEMENT_SEARCH).place(individual, 2)).toBe(true);
    expect(individual.ruleFlags[2]).toBe(0);
    expect(individual.overloadedCells).toBe(4);
    // it took nothing from the overloaded cells of group 1
    const schedule = individual.schedules[2];
    for (let offset = 0; offset < schedule.duration; offset++) {
      if (schedule.start + offset < 4) expect(schedule.permille[offset * 2 + 0]).toBe(0);
    }
  });
});
