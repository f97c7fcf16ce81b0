import type { z } from 'zod';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';
import type { Rng } from './random/rng.js';

/** One point of a convergence curve: after `step` generations/iterations/samples. */
export interface TracePoint {
  readonly step: number;
  readonly durationScore: number;
  readonly userGroupScore: number;
  readonly startScore: number;
  readonly fitness: number;
}

/** What a run did, for the tidy trials table. */
export interface Counters {
  /** candidate solutions whose validity and fitness were computed */
  evaluations: number;
  crossovers: number;
  /** mutation operations applied */
  mutations: number;
  /** candidates rejected as invalid */
  invalidCandidates: number;
}

export interface Progress {
  readonly step: number;
  readonly totalSteps: number;
  readonly bestFitness: number;
}

export interface RunOptions {
  readonly rng: Rng;
  /** Start from this population (the paper's fairness set-up: RS builds it, GA/LS/SA reuse it). */
  readonly initialPopulation?: readonly Individual[];
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

export interface AlgorithmResult {
  readonly best: Individual;
  readonly trace: TracePoint[];
  readonly counters: Counters;
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
  run(problem: Problem, params: Params, options: RunOptions): AlgorithmResult;
}

export function newCounters(): Counters {
  return { evaluations: 0, crossovers: 0, mutations: 0, invalidCandidates: 0 };
}

export function tracePointOf(step: number, individual: Individual): TracePoint {
  return {
    step,
    durationScore: individual.durationScore,
    userGroupScore: individual.userGroupScore,
    startScore: individual.startScore,
    fitness: individual.fitness,
  };
}
