import { z } from 'zod';
import type { Algorithm } from './algorithm.js';
import { initializationParam, initialPopulationOf } from './initialization.js';
import { Individual } from './problem/individual.js';
import { greedyCrossover } from './operators/greedyCrossover.js';
import { mutate } from './operators/mutation/mutate.js';
import { MAX_MOVE_HOURS } from './operators/mutation/moveSchedule.js';
import { rouletteSelection } from './operators/rouletteSelection.js';
import { samplePopulation } from './operators/samplePopulation.js';
import { createContext, runSearch } from './searchDriver.js';
import { Termination } from './termination.js';

export const geneticParams = z.object({
  populationSize: z.number().int().min(2).default(40),
  generations: z.number().int().min(0).default(90),
  crossoverProbability: z.number().min(0).max(1).default(0.9),
  mutationProbability: z.number().min(0).max(1).default(0.5),
  mutationScope: z.number().min(0).max(1).default(0.15),
  maxMoveHours: z.number().int().min(1).default(MAX_MOVE_HOURS),
  elitism: z.number().int().min(0).default(5),
  targetFitness: z.number().default(1),
  ...initializationParam,
}).strict().refine((params) => params.elitism < params.populationSize, {
  message: 'elitism must be smaller than populationSize', path: ['elitism'],
});
export type GeneticParams = z.infer<typeof geneticParams>;

const byFitnessDescending = (a: Individual, b: Individual) => b.fitness - a.fitness;

/**
 * Genetic algorithm (spec §7). Each generation fills `populationSize − elitism` producer slots;
 * a slot repeats until it yields a valid child: two distinct roulette parents, greedy
 * crossover (one child) with `crossoverProbability` else two copies, each child mutated and
 * kept only if valid. Next population: the best children plus the best of the previous one.
 * Individuals are recycled through a free list: no schedule tables are allocated per child.
 * Under an evaluation or time budget the last generation may end early, after any child.
 */
export const genetic: Algorithm<GeneticParams> = {
  name: 'genetic',
  summary: 'Genetic algorithm: roulette selection, greedy crossover, mutation, elitism',
  paramsSchema: geneticParams,
  run(problem, params, options) {
    const context = createContext(problem, options);
    const { rng } = options;
    const { counters } = context;
    const producers = params.populationSize - params.elitism;
    const spare: Individual[] = [];
    const obtain = (): Individual => spare.pop() ?? new Individual(problem);
    let population: Individual[] = [];
    const children: Individual[] = [];

    const offer = (child: Individual): boolean => {
      counters.mutations += mutate(child, params, rng);
      counters.evaluations++;
      if (child.valid) {
        children.push(child);
        return true;
      }
      counters.invalidCandidates++;
      spare.push(child);
      return false;
    };

    return runSearch(context, new Termination(params.generations, params.targetFitness), {
      setup() {
        const given = options.initialPopulation;
        const random = given ?? samplePopulation(problem, params.populationSize, rng, options.sampler);
        if (!given) counters.evaluations += random.length;
        // the greedy schedule costs one evaluation per experiment placed (as the greedy algorithm counts it)
        if (params.initialization === 'greedy') counters.evaluations += problem.experiments.length;
        // work on copies: the shared initial population is read by the other algorithms too
        population = initialPopulationOf(problem, random, params.populationSize, params.initialization).map((individual) => individual.clone());
        if (population.length < 2) throw new Error('the genetic algorithm needs an initial population of at least 2');
        population.sort(byFitnessDescending);
      },
      step() {
        children.length = 0;
        // a spent budget ends the generation early: the children so far compete with the elite
        for (let slot = 0; slot < producers && !context.budgetSpent(); slot++) {
          let yielded = false;
          while (!yielded && !context.budgetSpent()) {
            const first = rouletteSelection(population, rng);
            let second = rouletteSelection(population, rng);
            while (second === first) second = rouletteSelection(population, rng);
            if (rng.chance(params.crossoverProbability)) {
              const child = obtain();
              greedyCrossover(population[first], population[second], child);
              counters.crossovers++;
              yielded = offer(child);
            } else {
              const copyOfFirst = obtain();
              copyOfFirst.copyFrom(population[first]);
              const copyOfSecond = obtain();
              copyOfSecond.copyFrom(population[second]);
              // both are offered (no short-circuit): the original keeps every valid child
              const firstKept = offer(copyOfFirst);
              const secondKept = offer(copyOfSecond);
              yielded = firstKept || secondKept;
            }
          }
        }
        children.sort(byFitnessDescending);
        const survivors = children.slice(0, producers);
        for (let i = producers; i < children.length; i++) spare.push(children[i]);
        const elite = population.slice(0, params.populationSize - survivors.length);
        for (let i = elite.length; i < population.length; i++) spare.push(population[i]);
        population = [...survivors, ...elite].sort(byFitnessDescending);
      },
      traced: () => population[0],
      best: () => population[0],
      population: () => population,
    });
  },
};
