import { z } from 'zod';
import type { Algorithm } from './algorithm.js';
import type { Individual } from './problem/individual.js';
import { buildIndividual } from './operators/buildIndividual.js';
import { createContext, runSearch } from './searchDriver.js';
import { Termination } from './termination.js';

export const randomSamplingParams = z.object({
  populationSize: z.number().int().min(1).default(40),
}).strict();
export type RandomSamplingParams = z.infer<typeof randomSamplingParams>;

/**
 * Random sampling (RS, spec §6): sample `populationSize` valid individuals, return the best.
 * Given an initial population it simply takes its best (the population *is* its sample).
 * Under a budget without its own step limit it samples on until the budget is spent; samples
 * beyond the population are kept only while they are the best (memory stays bounded).
 */
export const randomSampling: Algorithm<RandomSamplingParams> = {
  name: 'random-sampling',
  summary: 'Random sampling: the best of populationSize random valid schedules',
  paramsSchema: randomSamplingParams,
  run(problem, params, options) {
    const context = createContext(problem, options);
    const given = options.initialPopulation?.length ? options.initialPopulation : undefined;
    const population: Individual[] = given ? [...given] : [];
    const populationSize = given ? given.length : params.populationSize;
    let best: Individual | undefined;
    let next = 0;
    const consider = (individual: Individual) => {
      context.counters.evaluations++;
      if (!best || individual.fitness > best.fitness) best = individual;
    };
    const sampleNext = (): Individual => {
      if (next < population.length) return population[next++];
      const individual = buildIndividual(problem, options.rng, undefined, options.sampler);
      if (population.length < populationSize) population.push(individual);
      next++;
      return individual;
    };
    return runSearch(context, new Termination(populationSize - 1), {
      setup() {
        consider(sampleNext());
      },
      step() {
        consider(sampleNext());
      },
      traced: () => best!,
      best: () => best!,
      population: () => population,
    });
  },
};
