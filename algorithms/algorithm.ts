import type { z } from 'zod';
import type { SamplerName } from './operators/buildIndividual.js';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';
import type { Rng } from './random/rng.js';
import type { RunBudget, StopReason } from './termination.js';

/** One point of a convergence curve: after `step` generations/iterations/samples. */
export interface TracePoint {
  readonly step: number;
  readonly durationScore: number;
  readonly userGroupScore: number;
  readonly startScore: number;
  readonly fitness: number;
  /** candidate solutions evaluated since the run began, up to this point (anytime curves per evaluation) */
  readonly evaluations: number;
  /** wall time since the run began, up to this point */
  readonly elapsedMs: number;
}

/** What a run did, for the tidy trials table. */
export interface Counters {
  /**
   * complete candidate solutions whose validity and fitness were computed: each sampled
   * schedule (RS, an initial population the algorithm samples itself), each mutated or crossed
   * child. GA/LS/SA do not count a given initial population (whoever sampled it paid for it);
   * RS counts each member it takes from it.
   */
  evaluations: number;
  crossovers: number;
  /** mutation operations applied */
  mutations: number;
  /** candidates rejected as invalid */
  invalidCandidates: number;
}

export interface Progress {
  readonly step: number;
  /** the algorithm's own step limit (Infinity when a budget alone stops the run) */
  readonly totalSteps: number;
  readonly bestFitness: number;
  readonly evaluations: number;
  /** share of the run done, 0…1: the furthest of steps, evaluations and wall time against their limits */
  readonly fractionDone: number;
}

export interface RunOptions {
  readonly rng: Rng;
  /** Start from this population (the paper's fairness set-up: RS builds it, GA/LS/SA reuse it). */
  readonly initialPopulation?: readonly Individual[];
  /** how the algorithm samples random individuals when it needs them (default: as published, spec §6) */
  readonly sampler?: SamplerName;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /** an evaluation and/or wall-time budget, besides (or instead of) the algorithm's own steps */
  readonly budget?: RunBudget;
  /** milliseconds from an arbitrary origin (default performance.now); tests pass a fake clock */
  readonly clock?: () => number;
}

export interface AlgorithmResult {
  readonly best: Individual;
  readonly trace: TracePoint[];
  readonly counters: Counters;
  /** which limit ended the run (absent for algorithms that do not use the search driver) */
  readonly stoppedBy?: StopReason;
  /** The population the run sampled or ended with (RS hands it to GA/LS/SA). */
  readonly population?: readonly Individual[];
}

/**
 * A registered search algorithm: a name, validated parameters with the paper's defaults, and
 * `run`. Most algorithms implement `run` with `runSearch` (searchDriver.ts) and three hooks.
 */
export interface Algorithm<Params = unknown> {
  readonly name: string;
  readonly summary: string;
  /** zod schema; parsing `{}` yields the defaults */
  readonly paramsSchema: z.ZodType<Params>;
  /** true when the result does not depend on the rng (a constructive algorithm): seeds make no difference */
  readonly deterministic?: boolean;
  /**
   * true when the algorithm builds one solution and stops (a constructive heuristic): it neither
   * improves a given population nor iterates, so step limits and budgets do not apply to it
   */
  readonly constructive?: boolean;
  run(problem: Problem, params: Params, options: RunOptions): AlgorithmResult;
}

export function newCounters(): Counters {
  return { evaluations: 0, crossovers: 0, mutations: 0, invalidCandidates: 0 };
}

export function tracePointOf(step: number, individual: Individual, evaluations: number, elapsedMs: number): TracePoint {
  return {
    step,
    durationScore: individual.durationScore,
    userGroupScore: individual.userGroupScore,
    startScore: individual.startScore,
    fitness: individual.fitness,
    evaluations,
    elapsedMs,
  };
}
