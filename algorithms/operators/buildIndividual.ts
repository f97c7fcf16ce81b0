import { minTrafficAt } from '../problem/experiment.js';
import { Individual } from '../problem/individual.js';
import type { Problem } from '../problem/problem.js';
import type { Rng } from '../random/rng.js';
import { BestFitPlacer, DEFAULT_PLACEMENT_SEARCH } from './bestPlacement.js';
import { explainUnplaceable } from './explainUnplaceable.js';
import { placementOrder } from './placementOrder.js';
import { placeRobustly, robustScratch } from './robustPlacement.js';
import { sampleSchedule } from './sampleSchedule.js';

/**
 * How random individuals are built. `as-published`: spec §6 exactly (1–2 groups, one ratio, start
 * t0 + U[0, 48·n)); the paper's studies use it so the replication is unchanged. `robust`: finds a
 * placement whenever one exists (robustPlacement.ts) and otherwise says why; the default for
 * scheduling one's own experiments.
 */
export const SAMPLERS = ['as-published', 'robust'] as const;
export type SamplerName = (typeof SAMPLERS)[number];

/** Samples per experiment before giving up, whatever the profile length (a safety net). */
export const DEFAULT_ATTEMPT_BUDGET = 20_000;

export class InfeasibleExperimentError extends Error {
  constructor(readonly experimentId: number, reason: string) {
    super(`experiment ${experimentId} cannot be placed: ${reason}`);
    this.name = 'InfeasibleExperimentError';
  }
}

/**
 * Builds one valid individual (spec §6): experiments in random order, each sampled until the
 * partial individual is valid; every 10 failed samples the earliest start moves 24 h later.
 * Unlike the original (which loops forever), it stops with InfeasibleExperimentError once the
 * earliest start leaves no room in the profile or the attempt budget is spent.
 */
export function buildIndividual(problem: Problem, rng: Rng, attemptBudget = DEFAULT_ATTEMPT_BUDGET, sampler: SamplerName = 'as-published'): Individual {
  const individual = new Individual(problem);
  const order = rng.shuffle(problem.experiments.map((_, e) => e));
  if (sampler === 'robust') return buildRobustly(problem, rng, order);
  for (const e of order) placeExperiment(individual, e, rng, attemptBudget);
  return individual;
}

/**
 * The robust sampler: experiments in the random order, each placed by placeRobustly. If one does
 * not fit beside those placed before it, the order was unlucky, not necessarily the instance: it
 * tries again in the greedy's order (pinned, then by priority) — random placements still, so
 * individuals differ — and finally takes the greedy's best fits alone. Only when all three fail is the
 * experiment reported, with the reason from the random order's attempt.
 */
function buildRobustly(problem: Problem, rng: Rng, randomOrder: readonly number[]): Individual {
  const placer = new BestFitPlacer(problem, DEFAULT_PLACEMENT_SEARCH);
  const attempt = (order: readonly number[], randomPlacements: boolean): { individual: Individual; failed?: number; reason?: string } => {
    const individual = new Individual(problem);
    const scratch = robustScratch(individual);
    for (const e of order) {
      const placed = randomPlacements ? placeRobustly(individual, e, rng, placer, scratch) : placer.place(individual, e);
      if (!placed) return { individual, failed: e, reason: explainUnplaceable(individual, e) };
    }
    return { individual };
  };
  // pinned experiments (re-scheduling) first: the others may move, they cannot
  const pinnedFirst = [...randomOrder.filter((e) => problem.running[e] === 1), ...randomOrder.filter((e) => problem.running[e] === 0)];
  const first = attempt(pinnedFirst, true);
  if (first.failed === undefined) return first.individual;
  const byPriority = placementOrder(problem);
  for (const randomPlacements of [true, false]) {
    const retry = attempt(byPriority, randomPlacements);
    if (retry.failed === undefined) return retry.individual;
  }
  throw new InfeasibleExperimentError(problem.experiments[first.failed].id, first.reason!);
}

/** Samples experiment e's schedule until the (partial) individual is valid (spec §6). */
export function placeExperiment(individual: Individual, e: number, rng: Rng, attemptBudget = DEFAULT_ATTEMPT_BUDGET): void {
  const { problem } = individual;
  const experiment = problem.experiments[e];
  const { hours } = problem.profile;
  let earliestStart = 0;
  let attempts = 0;
  for (;;) {
    sampleSchedule(individual, e, earliestStart, rng);
    if (individual.valid) return;
    attempts++;
    if (attempts % 10 === 0) earliestStart += 24;
    const noRoomLeft = problem.running[e] === 0 && earliestStart + Math.max(1, experiment.minDuration) > hours;
    if (noRoomLeft || attempts >= attemptBudget) {
      individual.unplace(e);
      throw new InfeasibleExperimentError(experiment.id, explainInfeasibility(problem, e, attempts));
    }
  }
}

/** Why an experiment may not fit: compares its hourly need with what its best two groups ever send. */
function explainInfeasibility(problem: Problem, e: number, attempts: number): string {
  const experiment = problem.experiments[e];
  const { requests, hours, groups } = problem.profile;
  let bestTwoGroups = 0;
  for (let h = 0; h < hours; h++) {
    const row = Array.from(requests.subarray(h * groups.length, (h + 1) * groups.length)).sort((a, b) => b - a);
    bestTwoGroups = Math.max(bestTwoGroups, row[0] + (row[1] ?? 0));
  }
  const duration = Math.max(1, experiment.minDuration);
  const need = minTrafficAt(experiment, duration - 1, duration);
  const detail = need > bestTwoGroups
    ? `it needs ${need} requests/hour (at its minimum duration of ${duration} h) but its groups never send more than ${bestTwoGroups} in an hour`
    : `no valid placement found beside the other experiments`;
  return `${detail} (${attempts} samples tried; the profile has ${hours} hours)`;
}
