import { z } from 'zod';
import type { Algorithm, Counters } from './algorithm.js';
import { initializationParam, initialPopulationOf, type Initialization } from './initialization.js';
import type { SamplerName } from './operators/buildIndividual.js';
import type { Individual } from './problem/individual.js';
import { bestIndex, samplePopulation } from './operators/samplePopulation.js';
import { MAX_MOVE_HOURS } from './operators/mutation/moveSchedule.js';
import { validNeighbour } from './operators/validNeighbour.js';
import { createContext, runSearch } from './searchDriver.js';
import { Termination } from './termination.js';

export const neighbourhoodParams = {
  /** size of the RS population the search starts from (its best member) */
  populationSize: z.number().int().min(1).default(40),
  iterations: z.number().int().min(0).default(3000),
  mutationProbability: z.number().min(0).max(1).default(0.5),
  mutationScope: z.number().min(0).max(1).default(0.15),
  maxMoveHours: z.number().int().min(1).default(MAX_MOVE_HOURS),
  ...initializationParam,
};

export const localSearchParams = z.object(neighbourhoodParams).strict();
export type LocalSearchParams = z.infer<typeof localSearchParams>;

/**
 * The best member of the given (or a freshly sampled) RS population — with `initialization: greedy`
 * of that population and the greedy schedule — as a private copy. Sampled members count as
 * evaluations (given ones were paid for by whoever sampled them), the greedy schedule as one per experiment.
 */
export function startingSolution(
  problem: Parameters<typeof samplePopulation>[0],
  populationSize: number,
  options: { initialPopulation?: readonly Individual[]; rng: Parameters<typeof samplePopulation>[2]; sampler?: SamplerName },
  counters: Counters,
  initialization: Initialization = 'random',
): Individual {
  const given = options.initialPopulation;
  // an empty population counts as none: sample one rather than index an empty array
  const sampled = !(given && given.length > 0);
  const random = sampled ? samplePopulation(problem, populationSize, options.rng, options.sampler) : given;
  if (sampled) counters.evaluations += random.length;
  if (initialization === 'random') return random[bestIndex(random)].clone();
  counters.evaluations += problem.experiments.length;
  const population = [...initialPopulationOf(problem, [], 1, initialization), ...random];
  return population[bestIndex(population)].clone();
}

/**
 * Local search (spec §8): from the best RS individual, each iteration takes a valid mutated
 * copy of the current solution and accepts it only if its fitness is strictly higher.
 */
export const localSearch: Algorithm<LocalSearchParams> = {
  name: 'local-search',
  summary: 'Local search (hill climbing): accept a valid neighbour only if strictly fitter',
  paramsSchema: localSearchParams,
  run(problem, params, options) {
    const context = createContext(problem, options);
    let current!: Individual;
    let candidate!: Individual;
    return runSearch(context, new Termination(params.iterations), {
      setup() {
        current = startingSolution(problem, params.populationSize, options, context.counters, params.initialization);
        candidate = current.clone();
      },
      step() {
        if (!validNeighbour(current, candidate, params, options.rng, context.counters)) return;
        if (candidate.fitness > current.fitness) [current, candidate] = [candidate, current];
      },
      traced: () => current,
      best: () => current,
    });
  },
};
