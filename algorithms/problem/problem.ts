import type { Experiment } from './experiment.js';
import { isBusiness, isGradual } from './experiment.js';
import { PAPER_WEIGHTS, type FitnessWeights } from './fitnessWeights.js';
import { InputError } from './inputError.js';
import type { TrafficProfile } from './trafficProfile.js';

/**
 * A scheduling problem: a profile, the experiments to place and the fitness weights, with
 * everything the search loop needs precomputed into flat arrays indexed by experiment position.
 */
export interface Problem {
  readonly profile: TrafficProfile;
  readonly experiments: readonly Experiment[];
  readonly weights: FitnessWeights;
  readonly services: readonly string[];
  /** serviceOf[e]: index into `services` */
  readonly serviceOf: Int32Array;
  /** preferredMask[e]: bit mask of the preferred groups (0 = no preference) */
  readonly preferredMask: Uint32Array;
  /** fixedGroupMask[e]: for running business experiments, the groups they must keep (else 0) */
  readonly fixedGroupMask: Uint32Array;
  readonly business: Uint8Array;
  readonly gradual: Uint8Array;
  readonly running: Uint8Array;
  /**
   * A re-scheduling problem (spec §10). Usually its running experiments say so too, but the
   * as-published re-scheduling population (algorithms/rescheduling/asPublishedPopulation.ts)
   * searches on a copy whose running experiments are no longer pinned.
   */
  readonly rescheduling: boolean;
  /** P: sum of all priorities */
  readonly prioritySum: number;
  /** Q: sum of the priorities of experiments with preferred groups */
  readonly preferredPrioritySum: number;
}

export interface ProblemOptions {
  weights?: FitnessWeights;
  /** groups each running business experiment must keep (re-scheduling), by experiment id */
  fixedGroups?: ReadonlyMap<number, readonly string[]>;
  /** named in error messages */
  source?: string;
  /** marks a re-scheduling problem (Problem.rescheduling); default: whether any experiment is running */
  rescheduling?: boolean;
}

export function createProblem(
  profile: TrafficProfile,
  experiments: readonly Experiment[],
  options: ProblemOptions = {},
): Problem {
  const source = options.source ?? 'experiments';
  if (experiments.length === 0) throw new InputError(source, undefined, 'the experiment set is empty');
  const n = experiments.length;
  const services: string[] = [];
  const serviceOf = new Int32Array(n);
  const preferredMask = new Uint32Array(n);
  const fixedGroupMask = new Uint32Array(n);
  const business = new Uint8Array(n);
  const gradual = new Uint8Array(n);
  const running = new Uint8Array(n);
  const seen = new Set<number>();
  let prioritySum = 0;
  let preferredPrioritySum = 0;
  const maskOf = (groups: readonly string[], what: string, e: Experiment): number => {
    let mask = 0;
    for (const group of groups) {
      const g = profile.groups.indexOf(group);
      if (g < 0) {
        throw new InputError(source, `experiment ${e.id}, ${what}`,
          `group "${group}" is not in the traffic profile (groups: ${profile.groups.join(', ')})`);
      }
      mask |= 1 << g;
    }
    return mask;
  };
  experiments.forEach((experiment, e) => {
    if (seen.has(experiment.id)) throw new InputError(source, `experiment ${experiment.id}`, 'duplicate id');
    seen.add(experiment.id);
    let service = services.indexOf(experiment.targetService);
    if (service < 0) service = services.push(experiment.targetService) - 1;
    serviceOf[e] = service;
    preferredMask[e] = maskOf(experiment.preferredUserGroup, 'preferredUserGroup', experiment);
    const fixed = options.fixedGroups?.get(experiment.id);
    if (fixed) fixedGroupMask[e] = maskOf(fixed, 'fixed groups', experiment);
    business[e] = isBusiness(experiment) ? 1 : 0;
    gradual[e] = isGradual(experiment) ? 1 : 0;
    running[e] = experiment.running ? 1 : 0;
    prioritySum += experiment.priority;
    if (experiment.preferredUserGroup.length > 0) preferredPrioritySum += experiment.priority;
  });
  if (prioritySum === 0) {
    throw new InputError(source, 'priority',
      'all priorities are 0, so every fitness score would be 0/0; give at least one experiment a priority > 0');
  }
  return {
    profile,
    experiments,
    weights: options.weights ?? PAPER_WEIGHTS,
    services,
    serviceOf,
    preferredMask,
    fixedGroupMask,
    business,
    gradual,
    running,
    rescheduling: options.rescheduling ?? running.some((flag) => flag === 1),
    prioritySum,
    preferredPrioritySum,
  };
}

