import { minTrafficAt, type Experiment } from '../problem/experiment.js';
import { consumedRequests } from '../problem/fractions.js';
import { Individual } from '../problem/individual.js';
import { createProblem, type Problem } from '../problem/problem.js';
import { shiftProfile } from '../problem/trafficProfile.js';
import { BestFitPlacer, DEFAULT_PLACEMENT_SEARCH } from '../operators/bestPlacement.js';
import { buildIndividual, InfeasibleExperimentError, placeExperiment, type SamplerName } from '../operators/buildIndividual.js';
import { explainUnplaceable } from '../operators/explainUnplaceable.js';
import { placeRobustly, robustScratch } from '../operators/robustPlacement.js';
import { deriveTraffic } from '../operators/deriveTraffic.js';
import type { Rng } from '../random/rng.js';
import { asPublishedPopulation, unpinnedProblem } from './asPublishedPopulation.js';

export interface ReschedulingRequest {
  /** hour t of the old schedule at which the plan is re-made; becomes hour 0 */
  readonly atHour: number;
  /** experiments cancelled (e.g. a canary rolled back) */
  readonly discardIds: readonly number[];
  /** experiments that arrive at t */
  readonly newExperiments: readonly Experiment[];
}

export interface Rescheduling {
  /** hour t of the old schedule at which the plan is re-made (hour 0 of `problem`) */
  readonly atHour: number;
  /** the reduced problem: remaining experiments with consumed traffic and hours subtracted, profile from t on */
  readonly problem: Problem;
  /** ids dropped because they had finished before t */
  readonly finishedIds: readonly number[];
  /**
   * The old plan carried over to the reduced problem (new experiments left unplaced); the caller
   * completes it with `completeSeed` and may use it as one member of the initial population.
   */
  readonly carriedOver: Individual;
}

/**
 * Builds the re-scheduling problem of spec §10 from a schedule (an individual of the old
 * problem): drops discarded and finished experiments, subtracts each remaining experiment's
 * consumed traffic and hours before t, pins running experiments (start before t) at hour 0 —
 * running business experiments also keep their groups — shifts the profile, and adds the new ones.
 */
export function prepareRescheduling(old: Individual, request: ReschedulingRequest): Rescheduling {
  const { problem } = old;
  const t = request.atHour;
  const discarded = new Set(request.discardIds);
  const { requests } = problem.profile;
  const width = problem.profile.groups.length;
  const remaining: Experiment[] = [];
  const fixedGroups = new Map<number, string[]>();
  const carried: { id: number; start: number; from: number; e: number }[] = [];
  const finishedIds: number[] = [];

  problem.experiments.forEach((experiment, e) => {
    const schedule = old.schedules[e];
    if (!old.placed[e] || discarded.has(experiment.id)) return;
    if (schedule.start + schedule.duration <= t) {
      finishedIds.push(experiment.id);
      return;
    }
    let consumed = 0;
    const hoursBefore = Math.max(0, Math.min(schedule.duration, t - schedule.start));
    for (let offset = 0; offset < hoursBefore; offset++) {
      const hour = schedule.start + offset;
      for (let g = 0; g < width; g++) {
        if ((schedule.groupMask[offset] >>> g) & 1) consumed += consumedRequests(requests[hour * width + g], schedule.fractionPermille(offset, g));
      }
    }
    if (consumed >= experiment.requiredTotalTraffic && hoursBefore >= experiment.minDuration) {
      finishedIds.push(experiment.id);
      return;
    }
    const running = schedule.start < t;
    const reduced: Experiment = {
      ...experiment,
      minDuration: Math.max(0, experiment.minDuration - hoursBefore),
      requiredTotalTraffic: Math.max(0, experiment.requiredTotalTraffic - consumed),
      running,
      ...(experiment.baseType === 'GradualExperiment' && running
        ? { startTraffic: Math.fround(minTrafficAt(experiment, t - schedule.start, schedule.duration)) }
        : {}),
    };
    remaining.push(reduced);
    if (running && experiment.type === 'BUSINESS') {
      fixedGroups.set(experiment.id, problem.profile.groups.filter((_, g) => (schedule.groupMask[hoursBefore] >>> g) & 1));
    }
    carried.push({ id: experiment.id, start: running ? 0 : schedule.start - t, from: hoursBefore, e });
  });

  const knownIds = new Set(remaining.map((experiment) => experiment.id));
  for (const experiment of request.newExperiments) {
    if (knownIds.has(experiment.id)) throw new Error(`new experiment ${experiment.id} has the id of a scheduled experiment`);
    remaining.push({ ...experiment, running: false });
  }
  const reducedProblem = createProblem(shiftProfile(problem.profile, t), remaining, {
    weights: problem.weights,
    fixedGroups,
    source: 're-scheduling',
    rescheduling: true,
  });

  const carriedOver = new Individual(reducedProblem);
  for (const item of carried) {
    const target = reducedProblem.experiments.findIndex((experiment) => experiment.id === item.id);
    const from = old.schedules[item.e];
    const schedule = carriedOver.schedules[target];
    schedule.reset(item.start, from.duration - item.from);
    schedule.groupMask.set(from.groupMask.subarray(item.from, from.duration));
    schedule.permille.set(from.permille.subarray(item.from * width, from.duration * width));
    carriedOver.placed[target] = 1;
  }
  carriedOver.evaluateFromScratch();
  return { atHour: t, problem: reducedProblem, finishedIds, carriedOver };
}

/**
 * Turns the carried-over plan into a complete individual, or undefined if it cannot be made
 * valid: the remaining requirement of a running experiment differs from what its old fractions
 * deliver, so carried experiments get their traffic re-derived (keeping groups and timing), and
 * new experiments are placed by `placeNew` (usually the sampler).
 */
export function completeSeed(rescheduling: Rescheduling, rng: Rng, placeNew: (individual: Individual, e: number) => void): Individual | undefined {
  const seed = rescheduling.carriedOver.clone();
  for (let e = 0; e < seed.schedules.length; e++) {
    if (seed.placed[e]) {
      if (seed.ruleFlags[e] === 0) continue;
      seed.beginEdit(e);
      deriveTraffic(seed, e, rng);
      seed.endEdit(e);
    } else {
      placeNew(seed, e);
    }
  }
  return seed.valid ? seed : undefined;
}

/**
 * The initial population of a re-scheduling run: the completed carried-over plan (when it can
 * be made valid) followed by freshly sampled individuals, `size` in all — as the original did.
 */
export function reschedulingPopulation(rescheduling: Rescheduling, size: number, rng: Rng, sampler: SamplerName = 'as-published'): Individual[] {
  const placeNew = sampler === 'robust' ? robustPlacementOf(rescheduling.problem, rng) : (individual: Individual, e: number) => placeExperiment(individual, e, rng);
  let seed: Individual | undefined;
  try {
    seed = completeSeed(rescheduling, rng, placeNew);
  } catch (error) {
    // robust: a new experiment that does not fit into the old plan leaves the plan out, not the run
    if (!(sampler === 'robust' && error instanceof InfeasibleExperimentError)) throw error;
  }
  const population = seed ? [seed] : [];
  while (population.length < size) population.push(buildIndividual(rescheduling.problem, rng, undefined, sampler));
  return population;
}

/** Places a new experiment into the carried-over plan with the robust sampler's placement, or says why it cannot. */
function robustPlacementOf(problem: Problem, rng: Rng): (individual: Individual, e: number) => void {
  const placer = new BestFitPlacer(problem, DEFAULT_PLACEMENT_SEARCH);
  return (individual, e) => {
    if (!placeRobustly(individual, e, rng, placer, robustScratch(individual))) {
      throw new InfeasibleExperimentError(problem.experiments[e].id, explainUnplaceable(individual, e));
    }
  };
}

/**
 * How a re-scheduling run starts (spec §10):
 * - `sound` (default): running experiments pinned at hour 0 for the whole search, running business
 *   experiments keep their groups; the population is the completed old plan plus sampled
 *   individuals (`reschedulingPopulation`).
 * - `as-published`: the replication package's restart path (asPublishedPopulation.ts) — only the
 *   first individual carries the old plan, the others re-sample new, not-yet-started and running
 *   regression experiments at t + U[0, 48·n); the search runs with the transient `restarted` flag
 *   lost (unpinnedProblem).
 * - `paper-means-hypothesis`: a hypothesis, not the published code — `as-published` without the
 *   old plan in the population. It is what reproduces the paper's LS/SA means (0.50 / 0.51).
 */
export const RESCHEDULING_POPULATIONS = ['sound', 'as-published', 'paper-means-hypothesis'] as const;
export type ReschedulingPopulationName = (typeof RESCHEDULING_POPULATIONS)[number];

/** One line per variant, for configs, tables and the report. */
export const RESCHEDULING_POPULATION_SUMMARIES: Readonly<Record<ReschedulingPopulationName, string>> = {
  sound: 'sound: old plan completed + sampled individuals, running experiments pinned',
  'as-published': 'as published: first individual = old plan, others re-sampled at t + U[0, 48·n), running experiments unpinned in the search',
  'paper-means-hypothesis': 'paper-means hypothesis: as published but no carried-over plan (not the public code)',
};

export interface ReschedulingStart {
  /** the problem the search runs on */
  readonly problem: Problem;
  /** the initial population: `size` individuals of `problem` */
  population(size: number, rng: Rng, sampler?: SamplerName): Individual[];
}

/** The search problem and initial population of a re-scheduling run in the named variant. */
export function reschedulingStart(rescheduling: Rescheduling, variant: ReschedulingPopulationName = 'sound'): ReschedulingStart {
  if (variant === 'sound') {
    return { problem: rescheduling.problem, population: (size, rng, sampler) => reschedulingPopulation(rescheduling, size, rng, sampler) };
  }
  const problem = unpinnedProblem(rescheduling);
  const carryOldPlan = variant === 'as-published';
  return {
    problem,
    population(size, rng, sampler = 'as-published') {
      if (sampler !== 'as-published') throw new Error(`the ${variant} re-scheduling population samples as published; sampler "${sampler}" does not apply`);
      return asPublishedPopulation(rescheduling, problem, size, rng, { carryOldPlan });
    },
  };
}
