import { z } from 'zod';
import type { Algorithm, AlgorithmResult, RunOptions } from './algorithm.js';
import { localSearch, neighbourhoodParams, startingSolution } from './localSearch.js';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';
import { validNeighbour } from './operators/validNeighbour.js';
import { createContext, runSearch } from './searchDriver.js';
import { Termination } from './termination.js';

export const simulatedAnnealingParams = z.object({
  ...neighbourhoodParams,
  initialTemperature: z.number().positive().default(0.007),
  coolingRate: z.number().gt(0).lt(1).default(0.99),
}).strict();
export type SimulatedAnnealingParams = z.infer<typeof simulatedAnnealingParams>;

/**
 * Simulated annealing (spec §8): as local search, but a non-improving valid neighbour is also
 * accepted with probability exp(−|ΔF| / T); T starts at 0.007 and cools by 0.99 per iteration.
 * `returnLastAccepted` reproduces the published quirk of returning the current solution
 * instead of the best one seen.
 */
function anneal(problem: Problem, params: SimulatedAnnealingParams, options: RunOptions, returnLastAccepted: boolean): AlgorithmResult {
  const context = createContext(problem, options);
  const { rng } = options;
  let current!: Individual;
  let candidate!: Individual;
  let best!: Individual;
  let temperature = params.initialTemperature;
  return runSearch(context, new Termination(params.iterations), {
    setup() {
      current = startingSolution(problem, params.populationSize, options, context.counters, params.initialization);
      candidate = current.clone();
      best = current.clone();
    },
    step() {
      if (validNeighbour(current, candidate, params, rng, context.counters)) {
        const delta = candidate.fitness - current.fitness;
        if (delta > 0 || rng.float() < Math.exp(-Math.abs(delta) / temperature)) {
          [current, candidate] = [candidate, current];
          if (current.fitness > best.fitness) best.copyFrom(current);
        }
      }
      temperature *= params.coolingRate;
    },
    traced: () => current,
    best: () => best,
    result: () => (returnLastAccepted ? current : best),
  });
}

export const simulatedAnnealing: Algorithm<SimulatedAnnealingParams> = {
  name: 'simulated-annealing',
  summary: 'Simulated annealing (T0 0.007, cooling 0.99); returns the best solution seen',
  paramsSchema: simulatedAnnealingParams,
  run: (problem, params, options) => anneal(problem, params, options, false),
};

/**
 * SA as the replication package ran it (spec §8 quirks 1 and 2): fresh scheduling runs local
 * search (the published entry point did), and re-scheduling (Problem.rescheduling) runs SA
 * returning its last accepted solution.
 */
export const simulatedAnnealingAsPublished: Algorithm<SimulatedAnnealingParams> = {
  name: 'sa-as-published',
  summary: 'SA as published: local search for fresh scheduling; last accepted solution when re-scheduling',
  paramsSchema: simulatedAnnealingParams,
  run(problem, params, options) {
    if (problem.rescheduling) return anneal(problem, params, options, true);
    const { iterations, populationSize, mutationProbability, mutationScope, maxMoveHours, initialization } = params;
    return localSearch.run(problem, { iterations, populationSize, mutationProbability, mutationScope, maxMoveHours, initialization }, options);
  },
};
