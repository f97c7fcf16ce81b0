import { minTrafficAt } from '../problem/experiment.js';
import { Individual } from '../problem/individual.js';
import type { Problem } from '../problem/problem.js';
import type { Rng } from '../random/rng.js';
import { sampleSchedule } from './sampleSchedule.js';

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
export function buildIndividual(problem: Problem, rng: Rng, attemptBudget = DEFAULT_ATTEMPT_BUDGET): Individual {
  const individual = new Individual(problem);
  const order = rng.shuffle(problem.experiments.map((_, e) => e));
  for (const e of order) placeExperiment(individual, e, rng, attemptBudget);
  return individual;
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
