import type { Individual } from '../problem/individual.js';

/**
 * Greedy crossover (spec §7): for each experiment the child copies the schedule of the parent
 * whose per-experiment fitness is higher; ties go to the second parent. Writes into `child`.
 *
 * The child starts as a copy of the parent that wins more experiments (schedules shared, its
 * capacity table copied) and then takes over only the experiments the other parent wins with
 * a schedule of its own: O(n + capacity table + hours of the experiments that differ), where
 * rebuilding the table would be O(all scheduled hours). The result is the same (capacity sums
 * are integers; each experiment's own evaluation travels with its schedule).
 */
export function greedyCrossover(first: Individual, second: Individual, child: Individual): void {
  const n = child.schedules.length;
  let firstWins = 0;
  for (let e = 0; e < n; e++) if (first.experimentFitness(e) > second.experimentFitness(e)) firstWins++;
  const base = 2 * firstWins > n ? first : second;
  const other = base === first ? second : first;
  child.copyFrom(base);
  for (let e = 0; e < n; e++) {
    const winner = first.experimentFitness(e) > second.experimentFitness(e) ? first : second;
    if (winner === other && !other.sharesExperimentWith(e, base)) child.takeExperimentFrom(e, other);
  }
}
