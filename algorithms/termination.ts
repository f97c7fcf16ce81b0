/**
 * A budget given to a run from outside the algorithm (a study, `npm run schedule`): equal budgets
 * make algorithms comparable whatever their notion of a step (a GA generation evaluates ~40
 * schedules, an LS iteration one or two).
 */
export interface RunBudget {
  /** stop once this many candidate solutions have been evaluated (see Counters.evaluations) */
  readonly evaluations?: number;
  /** stop once this much wall time has passed since the run began */
  readonly milliseconds?: number;
  /**
   * true (default): the algorithm's own step limit (generations, iterations, samples) still
   * applies, whichever comes first; false: the budget alone stops the search (the target
   * fitness still does), as in the benchmark study's equal-budget comparisons.
   */
  readonly ownSteps?: boolean;
}

/** Why a search stopped. */
export type StopReason = 'steps' | 'target' | 'evaluations' | 'time';

/** What termination is checked against after every step. */
export interface SearchState {
  readonly step: number;
  readonly bestFitness: number;
  readonly evaluations: number;
  readonly elapsedMs: number;
}

/**
 * When a search stops: after `maxSteps` steps, once the best fitness reaches `targetFitness`,
 * once `maxEvaluations` candidates were evaluated, or after `maxMilliseconds` of wall time —
 * whichever comes first. An algorithm states its own limits (`new Termination(steps, target)`);
 * the driver (searchDriver.ts) adds the run's budget with `withBudget` and checks it.
 */
export class Termination {
  constructor(
    readonly maxSteps: number,
    readonly targetFitness = Number.POSITIVE_INFINITY,
    readonly maxEvaluations = Number.POSITIVE_INFINITY,
    readonly maxMilliseconds = Number.POSITIVE_INFINITY,
    /** the step limit is the algorithm's whole work (a constructive algorithm): no budget lifts it */
    readonly fixedSteps = false,
  ) {
    for (const [name, value] of [['maxSteps', maxSteps], ['maxEvaluations', maxEvaluations], ['maxMilliseconds', maxMilliseconds]] as const) {
      if (Number.isNaN(value) || value < 0) throw new Error(`termination: ${name} must be ≥ 0, got ${value}`);
    }
  }

  /**
   * A constructive algorithm's termination: `steps` is all there is to do (greedy: 0 steps after
   * building its schedule in setup), so a budget may stop it earlier but never lifts the limit.
   */
  static fixed(steps: number): Termination {
    return new Termination(steps, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, true);
  }

  /** These limits combined with a run's budget (the tighter of each; `ownSteps: false` lifts maxSteps unless fixed). */
  withBudget(budget: RunBudget | undefined): Termination {
    if (!budget) return this;
    const steps = budget.ownSteps === false && !this.fixedSteps ? Number.POSITIVE_INFINITY : this.maxSteps;
    return new Termination(
      steps,
      this.targetFitness,
      Math.min(this.maxEvaluations, budget.evaluations ?? Number.POSITIVE_INFINITY),
      Math.min(this.maxMilliseconds, budget.milliseconds ?? Number.POSITIVE_INFINITY),
      this.fixedSteps,
    );
  }

  /**
   * The first limit reached, in the order target, evaluations, time, steps (a constructive
   * algorithm's finished work is `steps` whatever else is spent); undefined while the search may go on.
   */
  stopReason(state: SearchState): StopReason | undefined {
    if (state.bestFitness >= this.targetFitness) return 'target';
    if (this.fixedSteps && state.step >= this.maxSteps) return 'steps';
    if (state.evaluations >= this.maxEvaluations) return 'evaluations';
    if (state.elapsedMs >= this.maxMilliseconds) return 'time';
    if (state.step >= this.maxSteps) return 'steps';
    return undefined;
  }

  isDone(state: SearchState): boolean {
    return this.stopReason(state) !== undefined;
  }

  /**
   * True once the evaluation or time budget is spent: for algorithms whose step evaluates many
   * candidates (a GA generation), to stop inside the step and keep the budget to within one
   * candidate rather than one step.
   */
  budgetSpent(evaluations: number, elapsedMs: number): boolean {
    return evaluations >= this.maxEvaluations || elapsedMs >= this.maxMilliseconds;
  }

  /** Whether the run is limited by anything else than its own steps (a budget was given). */
  get hasBudget(): boolean {
    return Number.isFinite(this.maxEvaluations) || Number.isFinite(this.maxMilliseconds);
  }
}
