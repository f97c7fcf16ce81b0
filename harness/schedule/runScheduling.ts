import type { AlgorithmResult, Progress } from '../../algorithms/algorithm.js';
import type { SamplerName } from '../../algorithms/operators/buildIndividual.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import type { Problem } from '../../algorithms/problem/problem.js';
import { Rng } from '../../algorithms/random/rng.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import type { RunBudget } from '../../algorithms/termination.js';

export interface SchedulingRequest {
  readonly algorithm: string;
  /** complete params (defaults filled in) */
  readonly params: unknown;
  readonly seed: number;
  readonly problem: Problem;
  /** builds the initial population of a given size (re-scheduling); else the algorithm samples its own */
  readonly initialPopulation?: (size: number, rng: Rng, sampler: SamplerName) => Individual[];
  /** how random individuals are sampled (default: as published) */
  readonly sampler?: SamplerName;
  readonly onProgress?: (progress: Progress) => void;
  /** an evaluation / wall-time budget (algorithms/termination.ts) */
  readonly budget?: RunBudget;
}

export interface SchedulingOutcome {
  readonly result: AlgorithmResult;
  readonly runMs: number;
}

/**
 * One run of a registered algorithm from one seed: everything random comes from
 * `Rng.fromSeed(seed)`, so the same request yields the same schedule and trace byte for byte.
 * For re-scheduling the initial population (old plan + sampled ones, the algorithm's
 * `populationSize`, 1 for single-solution algorithms without one) is drawn from the same
 * stream first, as the harness's re-evaluation does; otherwise the algorithm samples its own start.
 */
export function runScheduling(request: SchedulingRequest): SchedulingOutcome {
  const algorithm = getAlgorithm(request.algorithm);
  const rng = Rng.fromSeed(request.seed);
  const started = performance.now();
  const size = (request.params as { populationSize?: number }).populationSize ?? 1;
  const sampler = request.sampler ?? 'as-published';
  const initialPopulation = request.initialPopulation?.(size, rng, sampler);
  const result = algorithm.run(request.problem, request.params, { rng, initialPopulation, sampler, onProgress: request.onProgress, budget: request.budget });
  return { result, runMs: performance.now() - started };
}
