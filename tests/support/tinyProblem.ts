import type { Experiment } from '../../algorithms/problem/experiment.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { createProblem, type ProblemOptions } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';

/** A hand-checkable profile: `hours` rows of the given per-group requests. */
export function flatProfile(hours: number, perGroup: number[], groups = perGroup.map((_, g) => `group${g + 1}`)) {
  const requests = new Int32Array(hours * perGroup.length);
  for (let h = 0; h < hours; h++) requests.set(perGroup, h * perGroup.length);
  return createProfile(groups, requests);
}

export function experiment(overrides: Partial<Experiment> & { id: number }): Experiment {
  return {
    type: 'REGRESSION',
    baseType: 'Experiment',
    targetService: 'service1',
    minDuration: 4,
    requiredTotalTraffic: 400,
    priority: 1,
    preferredUserGroup: [],
    ...overrides,
  };
}

/** One schedule row per hour: group index → per-mille. */
export type Rows = Record<number, number>[];

/** Places experiment e with the given start and per-hour assignments. */
export function place(individual: Individual, e: number, start: number, rows: Rows): void {
  individual.beginEdit(e);
  const schedule = individual.schedules[e];
  schedule.reset(start, rows.length);
  rows.forEach((row, offset) => {
    for (const [group, permille] of Object.entries(row)) schedule.setGroup(offset, Number(group), permille);
  });
  individual.endEdit(e);
}

export function tinyIndividual(perGroup: number[], experiments: Experiment[], hours = 24, options?: ProblemOptions) {
  const problem = createProblem(flatProfile(hours, perGroup), experiments, options);
  return new Individual(problem);
}

export const repeat = (row: Record<number, number>, times: number): Rows => Array.from({ length: times }, () => ({ ...row }));
