import type { Individual } from '../problem/individual.js';
import type { Problem } from '../problem/problem.js';
import type { Rng } from '../random/rng.js';
import { buildIndividual, DEFAULT_ATTEMPT_BUDGET, type SamplerName } from './buildIndividual.js';

/** `size` independent random valid individuals (the RS population, spec §6). */
export function samplePopulation(problem: Problem, size: number, rng: Rng, sampler: SamplerName = 'as-published', attemptBudget = DEFAULT_ATTEMPT_BUDGET): Individual[] {
  return Array.from({ length: size }, () => buildIndividual(problem, rng, attemptBudget, sampler));
}

/** Index of the fittest individual (first on ties). */
export function bestIndex(population: readonly Individual[]): number {
  let best = 0;
  for (let i = 1; i < population.length; i++) if (population[i].fitness > population[best].fitness) best = i;
  return best;
}
