import type { Individual } from '../problem/individual.js';

/** How the child's capacity table is built (the result is the same; tests pin both). */
export type CrossoverAssembly = 'cheaper' | 'take-over' | 'rebuild';

/**
 * Greedy crossover (spec §7): for each experiment the child copies the schedule of the parent
 * whose per-experiment fitness is higher; ties go to the second parent. Writes into `child`
 * (which must be neither parent).
 *
 * The child's capacity table is built the cheaper of two ways, with the same result (capacity
 * sums are integers; each experiment's own evaluation travels with its schedule):
 * - from a copy of the parent that wins more experiments (schedules shared, its table copied),
 *   taking over only the experiments the other parent wins with a schedule of its own: each costs
 *   its two schedules' hours. This is the common case once the population has converged, when
 *   parents share most schedules;
 * - by assembling the child and rebuilding the table from all its schedules (every scheduled hour
 *   once), when the parents differ in most experiments (early generations).
 */
export function greedyCrossover(first: Individual, second: Individual, child: Individual, assembly: CrossoverAssembly = 'cheaper'): void {
  const n = child.schedules.length;
  let firstWins = 0;
  for (let e = 0; e < n; e++) if (first.experimentFitness(e) > second.experimentFitness(e)) firstWins++;
  const base = 2 * firstWins > n ? first : second;
  const other = base === first ? second : first;

  let takeOverHours = 0;
  let rebuildHours = 0;
  for (let e = 0; e < n; e++) {
    const winner = first.experimentFitness(e) > second.experimentFitness(e) ? first : second;
    rebuildHours += winner.schedules[e].duration;
    if (winner === other && !other.sharesExperimentWith(e, base)) takeOverHours += base.schedules[e].duration + other.schedules[e].duration;
  }

  if (assembly === 'take-over' || (assembly === 'cheaper' && takeOverHours <= rebuildHours)) {
    child.copyFrom(base);
    for (let e = 0; e < n; e++) {
      const winner = first.experimentFitness(e) > second.experimentFitness(e) ? first : second;
      if (winner === other && !other.sharesExperimentWith(e, base)) child.takeExperimentFrom(e, other);
    }
  } else {
    for (let e = 0; e < n; e++) child.adoptExperiment(e, first.experimentFitness(e) > second.experimentFitness(e) ? first : second);
    child.rebuildCapacityLoad();
  }
}
