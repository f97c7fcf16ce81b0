import type { Problem } from '../problem/problem.js';
import { aloneCapacities } from './aloneCapacity.js';
import { experimentAlone, WORK_LIMIT, type AloneOptimum } from './experimentAlone.js';
import { objectiveTerms, ROUNDING_MARGIN } from './objectiveTerms.js';

export interface IsolationBound {
  /** an upper bound on F of every valid schedule */
  readonly bound: number;
  /** per experiment, in problem order */
  readonly experiments: readonly AloneOptimum[];
  /** some experiment has no schedule that is valid even alone: the problem has no valid schedule */
  readonly infeasible: boolean;
}

/**
 * Bound (b), capacity-free part: F is a sum of per-experiment terms, and an experiment's schedule
 * in a valid individual is also valid alone (rules 1–4 and 6 are its own; dropping the others'
 * load keeps rule 5), so F ≤ Σ_e (the most e scores alone). Exact on every instance where the
 * experiments do not compete for capacity.
 */
export function isolationBound(problem: Problem, workLimit = WORK_LIMIT): IsolationBound {
  const terms = objectiveTerms(problem);
  const capacities = aloneCapacities(problem);
  const experiments = problem.experiments.map((_, e) => experimentAlone(problem, e, terms, capacities[e], workLimit));
  const infeasible = experiments.some((optimum) => optimum.value === -Infinity);
  let sum = terms.constant;
  for (const optimum of experiments) sum += Math.max(0, optimum.value);
  return { bound: sum + ROUNDING_MARGIN, experiments, infeasible };
}
