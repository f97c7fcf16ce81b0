import { z } from 'zod';
import type { Algorithm } from '../algorithm.js';
import type { Individual } from '../problem/individual.js';
import { startingSolution } from '../localSearch.js';
import { validNeighbour } from '../operators/validNeighbour.js';
import { createContext, runSearch } from '../searchDriver.js';
import { Termination } from '../termination.js';

/** Parameters with defaults: parsing `{}` gives the defaults the CLI lists in --help. */
export const onePlusOneParams = z.object({
  iterations: z.number().int().min(0).default(3000),
  /** 1: every offspring differs from its parent (LS/SA use the paper's 0.5) */
  mutationProbability: z.number().min(0).max(1).default(1),
  mutationScope: z.number().min(0).max(1).default(0.15),
}).strict();
export type OnePlusOneParams = z.infer<typeof onePlusOneParams>;

/**
 * The "adding an algorithm" example: a (1+1) evolutionary algorithm. One parent; each step
 * makes one valid mutated offspring and keeps it if it is at least as fit (accepting ties lets
 * the search drift across plateaus, unlike local search's strict improvement).
 */
export const onePlusOne: Algorithm<OnePlusOneParams> = {
  name: 'one-plus-one',
  summary: '(1+1) evolutionary algorithm: keep a valid mutated offspring if at least as fit (example)',
  paramsSchema: onePlusOneParams,
  run(problem, params, options) {
    const context = createContext(problem, options);
    let parent!: Individual;
    let offspring!: Individual;
    return runSearch(context, new Termination(params.iterations), {
      setup() {
        // the best of the shared initial population if given, else one random valid schedule
        parent = startingSolution(problem, 1, options, context.counters);
        offspring = parent.clone();
      },
      step() {
        if (!validNeighbour(parent, offspring, params, options.rng, context.counters)) return;
        if (offspring.fitness >= parent.fitness) [parent, offspring] = [offspring, parent];
      },
      traced: () => parent,
      best: () => parent,
    });
  },
};
