import type { Individual } from '../problem/individual.js';
import type { Rng } from '../random/rng.js';

/** Fitness-proportionate selection (spec §7): index i with probability fitness_i / Σ fitness. */
export function rouletteSelection(population: readonly Individual[], rng: Rng): number {
  let total = 0;
  for (const individual of population) total += individual.fitness;
  if (!(total > 0)) return rng.below(population.length); // all fitness 0: no preference
  let value = rng.float() * total;
  for (let i = 0; i < population.length; i++) {
    value -= population[i].fitness;
    if (value < 0) return i;
  }
  return population.length - 1; // rounding left a sliver: the last one, as in the original
}
