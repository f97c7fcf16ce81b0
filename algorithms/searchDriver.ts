import { newCounters, tracePointOf, type AlgorithmResult, type Counters, type RunOptions, type TracePoint } from './algorithm.js';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';
import type { Termination } from './termination.js';

/** What a search's hooks share with the driver. */
export interface SearchContext {
  readonly problem: Problem;
  readonly options: RunOptions;
  readonly counters: Counters;
}

/**
 * The hooks of one search algorithm (pymoo-style): the driver owns the loop, termination,
 * the convergence trace, progress and cancellation; the algorithm only says how to start,
 * how to take one step, and what to report.
 */
export interface SearchHooks {
  /** Builds the starting state (e.g. the initial population). */
  setup(): void;
  /** One generation / iteration / sample. */
  step(): void;
  /** The solution the trace follows after each step (GA: best; LS/SA: current). */
  traced(): Individual;
  /** The best solution so far (what termination's target is checked against). */
  best(): Individual;
  /** The solution the run returns. Defaults to `best()`. */
  result?(): Individual;
  population?(): readonly Individual[];
}

export function runSearch(
  context: SearchContext,
  termination: Termination,
  hooks: SearchHooks,
): AlgorithmResult {
  const { options } = context;
  hooks.setup();
  const trace: TracePoint[] = [tracePointOf(0, hooks.traced())];
  let step = 0;
  while (!termination.isDone(step, hooks.best().fitness)) {
    if (options.signal?.aborted) throw abortError(options.signal);
    hooks.step();
    step++;
    trace.push(tracePointOf(step, hooks.traced()));
    options.onProgress?.({ step, totalSteps: termination.maxSteps, bestFitness: hooks.best().fitness });
  }
  return {
    best: hooks.result ? hooks.result() : hooks.best(),
    trace,
    counters: context.counters,
    population: hooks.population?.(),
  };
}

export function createContext(problem: Problem, options: RunOptions): SearchContext {
  return { problem, options, counters: newCounters() };
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('search aborted');
}
