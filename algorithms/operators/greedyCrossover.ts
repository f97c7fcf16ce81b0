import type { Individual } from '../problem/individual.js';

/**
 * Greedy crossover (spec §7): for each experiment the child copies the schedule of the parent
 * whose per-experiment fitness is higher; ties go to the second parent. Writes into `child`.
 */
export function greedyCrossover(first: Individual, second: Individual, child: Individual): void {
  for (let e = 0; e < child.schedules.length; e++) {
    child.adoptExperiment(e, first.experimentFitness(e) > second.experimentFitness(e) ? first : second);
  }
  // each experiment's own evaluation comes with it; only the shared capacity load is rebuilt
  child.rebuildCapacityLoad();
}
