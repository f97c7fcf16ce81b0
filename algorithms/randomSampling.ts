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
 */
export const randomSampling: Algorithm<RandomSamplingParams> = {
  name: 'random-sampling',
  summary: 'Random sampling: the best of populationSize random valid schedules',
  paramsSchema: randomSamplingParams,
  run(problem, params, options) {
    const context = createContext(problem, options);
    const given = options.initialPopulation?.length ? options.initialPopulation : undefined;
    const population: Individual[] = given ? [...given] : [];
    let best: Individual | undefined;
    let next = 0;
    const consider = (individual: Individual) => {
      context.counters.evaluations++;
      if (!best || individual.fitness > best.fitness) best = individual;
    };
    return runSearch(context, new Termination(given ? given.length - 1 : params.populationSize - 1), {
      setup() {
        if (population.length === 0) population.push(buildIndividual(problem, options.rng));
        consider(population[next++]);
      },
      step() {
        if (next >= population.length) population.push(buildIndividual(problem, options.rng));
        consider(population[next++]);
      },
      traced: () => best!,
      best: () => best!,
      population: () => population,
    });
  },
};
