import type { Individual } from '../../algorithms/problem/individual.js';

/** Everything the incremental path maintains, as plain data to compare with `toEqual`. */
export function derivedState(individual: Individual) {
  return {
    capacityLoad: Array.from(individual.capacityLoadTable()),
    overloadedCells: individual.overloadedCells,
    ruleFlags: Array.from(individual.ruleFlags),
    brokenExperiments: individual.brokenExperiments,
    durationScores: Array.from(individual.durationScores),
    coverageScores: Array.from(individual.coverageScores),
    startScores: Array.from(individual.startScores),
    scores: [individual.durationScore, individual.userGroupScore, individual.startScore, individual.fitness],
    valid: individual.valid,
  };
}
