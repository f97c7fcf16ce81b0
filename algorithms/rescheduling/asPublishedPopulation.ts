import { minTrafficAt } from '../problem/experiment.js';
import { consumedRequests } from '../problem/fractions.js';
import { Individual } from '../problem/individual.js';
import { createProblem, type Problem } from '../problem/problem.js';
import { DEFAULT_ATTEMPT_BUDGET, InfeasibleExperimentError } from '../operators/buildIndividual.js';
import { sampleSchedule } from '../operators/sampleSchedule.js';
import type { Rng } from '../random/rng.js';
import type { Rescheduling } from './reschedule.js';

/**
 * The problem the published tool searches on after re-scheduling. Its `restarted` flag is
 * `transient` (Experiment.java): the re-scheduling population is written to population.json by
 * the random-sampling run and read back by GA, LS and SA without it, so from then on running
 * experiments may be moved and running business experiments may change groups. Same profile,
 * experiments (reduced as in spec §10) and weights; no experiment is pinned, no group fixed.
 */
export function unpinnedProblem(rescheduling: Rescheduling): Problem {
  const { problem } = rescheduling;
  return createProblem(problem.profile, problem.experiments.map((experiment) => ({ ...experiment, running: false })), {
    weights: problem.weights,
    source: 're-scheduling (as published: running experiments not pinned)',
    rescheduling: true,
  });
}

export interface AsPublishedPopulationOptions {
  /**
   * true (as published): the first individual carries the whole old plan. false: the
   * paper-means hypothesis — every individual is sampled, the old plan is not in the population.
   */
  readonly carryOldPlan: boolean;
  readonly attemptBudget?: number;
}

/**
 * The re-scheduling population as the replication package builds it (SampleGenerator.java
 * `createPopulationForRestart` / `createSampleScheduleFromExisting`), individuals of
 * `searchProblem` (`unpinnedProblem`):
 * - every individual carries the running business experiments' remaining assignments;
 * - the first individual (with `carryOldPlan`) carries every old experiment's remaining plan —
 *   not-yet-started ones at their old start − t — with every fraction + 0.0001;
 * - everything else — new, not-yet-started and running *regression* experiments — is sampled
 *   (spec §6) at start t + U[0, 48·n) of the shifted profile (the original passes the restart
 *   hour as the earliest start after shifting), until the partial individual is valid, with no
 *   +24 h escalation.
 *
 * Differences, each only where the original cannot run on: carried experiments are placed
 * before the sampled ones (in the original's random order a carried schedule that clashes with
 * an earlier sample is re-created unchanged forever); a carried plan that is invalid stops with
 * an error, and sampling stops after `attemptBudget` samples of one experiment, where the
 * original loops forever. The +0.0001 buffer is not on schedlab's per-mille grid: carried
 * fractions stay as they were and, in an hour where they deliver less than the reduced
 * requirement, each of that hour's fractions gets +1‰ (the smallest step ≥ 0.0001; on the
 * paper's scenario this concerns experiment 11 in 8 hours, all of which the original's
 * buffer also lifts).
 */
export function asPublishedPopulation(
  rescheduling: Rescheduling,
  searchProblem: Problem,
  size: number,
  rng: Rng,
  options: AsPublishedPopulationOptions,
): Individual[] {
  const pinned = rescheduling.problem;
  const old = rescheduling.carriedOver;
  const population: Individual[] = [];
  for (let item = 0; item < size; item++) {
    const individual = new Individual(searchProblem);
    const sampled: number[] = [];
    for (let e = 0; e < pinned.experiments.length; e++) {
      const runningBusiness = pinned.running[e] === 1 && pinned.business[e] === 1;
      if (old.placed[e] && (runningBusiness || (item === 0 && options.carryOldPlan))) carry(individual, e, old);
      else sampled.push(e);
    }
    if (!individual.valid) {
      throw new Error(`the carried-over plan is not valid on the re-scheduling problem (the original would sample forever): ${brokenIds(individual).join(', ')}`);
    }
    for (const e of rng.shuffle(sampled)) placeInRestartWindow(individual, e, rescheduling.atHour, rng, options.attemptBudget ?? DEFAULT_ATTEMPT_BUDGET);
    population.push(individual);
  }
  return population;
}

/** Copies experiment e's carried-over schedule into the individual, with the per-mille stand-in for the +0.0001 buffer. */
function carry(individual: Individual, e: number, old: Individual): void {
  individual.beginEdit(e);
  const schedule = individual.schedules[e];
  schedule.copyFrom(old.schedules[e]);
  const { requests, groups } = individual.problem.profile;
  const width = groups.length;
  const experiment = individual.problem.experiments[e];
  for (let offset = 0; offset < schedule.duration; offset++) {
    const hour = schedule.start + offset;
    const mask = schedule.groupMask[offset];
    let delivered = 0;
    for (let g = 0; g < width; g++) if ((mask >>> g) & 1) delivered += consumedRequests(requests[hour * width + g], schedule.fractionPermille(offset, g));
    if (delivered >= minTrafficAt(experiment, offset, schedule.duration)) continue;
    for (let g = 0; g < width; g++) if ((mask >>> g) & 1) schedule.setGroup(offset, g, schedule.fractionPermille(offset, g) + 1);
  }
  individual.endEdit(e);
}

/** Samples e at t + U[0, 48·n) until the partial individual is valid (no escalation of the earliest start). */
function placeInRestartWindow(individual: Individual, e: number, atHour: number, rng: Rng, attemptBudget: number): void {
  for (let attempt = 1; ; attempt++) {
    sampleSchedule(individual, e, atHour, rng);
    if (individual.valid) return;
    if (attempt >= attemptBudget) {
      individual.unplace(e);
      const n = individual.problem.experiments.length;
      throw new InfeasibleExperimentError(individual.problem.experiments[e].id,
        `no valid placement starting in the published re-scheduling window [${atHour}, ${atHour + 48 * n}) after ${attempt} samples (the original samples forever)`);
    }
  }
}

function brokenIds(individual: Individual): string[] {
  const ids = individual.problem.experiments.filter((_, e) => individual.ruleFlags[e] !== 0).map((experiment) => `experiment ${experiment.id}`);
  return ids.length > 0 ? ids : [`${individual.overloadedCells} over-capacity cells`];
}
