import type { Highs } from 'highs';
import type { Problem } from '../problem/problem.js';
import { capacityRelaxation, type CapacityRelaxation, type CapacityRelaxationOptions } from './capacityRelaxation.js';
import { highsSolver } from './highsSolver.js';
import { isolationBound } from './isolationBound.js';
import { trivialBound } from './trivialBound.js';

export interface UpperBound {
  /** the smallest of the bounds below: no valid schedule of the problem scores a higher F */
  readonly bound: number;
  /** which of them it is */
  readonly method: 'trivial' | 'isolation' | 'capacity';
  /** (a) w_D + w_U + w_S */
  readonly trivial: number;
  /** (b) every experiment as if alone */
  readonly isolation: number;
  /** (b) with the capacity rows (Lagrangian/LP); absent when the problem has no valid schedule */
  readonly capacity?: CapacityRelaxation;
  /** some experiment cannot be placed even alone: no valid schedule exists (the bound is then vacuous) */
  readonly infeasible: boolean;
  readonly milliseconds: number;
}

/** Every bound of this folder for one problem, with a loaded solver (synchronous). */
export function upperBoundWith(problem: Problem, highs: Highs, options: CapacityRelaxationOptions = {}): UpperBound {
  const started = performance.now();
  const trivial = trivialBound(problem);
  const isolation = isolationBound(problem);
  const capacity = isolation.infeasible ? undefined : capacityRelaxation(problem, isolation.experiments, highs, options);
  let bound = trivial;
  let method: UpperBound['method'] = 'trivial';
  if (isolation.bound < bound) {
    bound = isolation.bound;
    method = 'isolation';
  }
  if (capacity && capacity.bound < bound) {
    bound = capacity.bound;
    method = 'capacity';
  }
  return {
    bound, method, trivial, isolation: isolation.bound,
    ...(capacity ? { capacity } : {}),
    infeasible: isolation.infeasible,
    milliseconds: performance.now() - started,
  };
}

/** The same, loading the solver first. */
export async function upperBound(problem: Problem, options: CapacityRelaxationOptions = {}): Promise<UpperBound> {
  return upperBoundWith(problem, await highsSolver(), options);
}
