import { performance } from 'node:perf_hooks';
import { newCounters, tracePointOf, type AlgorithmResult, type Counters, type RunOptions, type TracePoint } from './algorithm.js';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';
import type { SearchState, Termination } from './termination.js';

/**
 * What a search's hooks share with the driver: the problem, the run's options, the counters,
 * and the run's clock (started when the context is made, so the budget covers `setup`).
 */
export class SearchContext {
  readonly counters: Counters = newCounters();
  private readonly clock: () => number;
  private readonly startedAt: number;
  private termination: Termination | undefined;

  constructor(readonly problem: Problem, readonly options: RunOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.startedAt = this.clock();
  }

  /** Wall time since the run began. */
  elapsedMs(): number {
    return this.clock() - this.startedAt;
  }

  /**
   * True once the run's evaluation or time budget is spent. Steps that evaluate many
   * candidates (a GA generation) check it between candidates, so a budget is kept to within one
   * candidate; single-candidate steps need not (the driver checks after every step).
   */
  budgetSpent(): boolean {
    return this.termination !== undefined && this.termination.hasBudget &&
      this.termination.budgetSpent(this.counters.evaluations, this.elapsedMs());
  }

  /** @internal set by runSearch */
  useTermination(termination: Termination): void {
    this.termination = termination;
  }
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

/**
 * Runs a search: `setup`, then `step` until the algorithm's own termination or the run's
 * budget (`options.budget`: evaluations, wall time) says stop — checked after setup and after
 * every step. Each trace point carries the cumulative evaluations and elapsed time.
 */
export function runSearch(
  context: SearchContext,
  ownTermination: Termination,
  hooks: SearchHooks,
): AlgorithmResult {
  const { options, counters } = context;
  const termination = ownTermination.withBudget(options.budget);
  context.useTermination(termination);
  hooks.setup();
  let step = 0;
  let elapsed = context.elapsedMs();
  const trace: TracePoint[] = [tracePointOf(0, hooks.traced(), counters.evaluations, elapsed)];
  const state = (): SearchState => ({ step, bestFitness: hooks.best().fitness, evaluations: counters.evaluations, elapsedMs: elapsed });
  let stoppedBy = termination.stopReason(state());
  while (stoppedBy === undefined) {
    if (options.signal?.aborted) throw abortError(options.signal);
    hooks.step();
    step++;
    elapsed = context.elapsedMs();
    trace.push(tracePointOf(step, hooks.traced(), counters.evaluations, elapsed));
    stoppedBy = termination.stopReason(state());
    if (options.onProgress) {
      const best = hooks.best().fitness;
      options.onProgress({ step, totalSteps: termination.maxSteps, bestFitness: best, evaluations: counters.evaluations, fractionDone: fractionDone(termination, step, counters.evaluations, elapsed) });
    }
  }
  return {
    best: hooks.result ? hooks.result() : hooks.best(),
    trace,
    counters,
    stoppedBy,
    population: hooks.population?.(),
  };
}

export function createContext(problem: Problem, options: RunOptions): SearchContext {
  return new SearchContext(problem, options);
}

/** The furthest of steps, evaluations and time against their limits (infinite limits count 0). */
function fractionDone(termination: Termination, step: number, evaluations: number, elapsedMs: number): number {
  const share = (value: number, limit: number) => (Number.isFinite(limit) && limit > 0 ? value / limit : 0);
  return Math.min(1, Math.max(share(step, termination.maxSteps), share(evaluations, termination.maxEvaluations), share(elapsedMs, termination.maxMilliseconds)));
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('search aborted');
}
