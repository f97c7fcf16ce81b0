import type { Algorithm } from '../../algorithms/algorithm.js';
import { BestFitPlacer, DEFAULT_PLACEMENT_SEARCH } from '../../algorithms/operators/bestPlacement.js';
import { InfeasibleExperimentError } from '../../algorithms/operators/buildIndividual.js';
import { minTrafficAt, type Experiment } from '../../algorithms/problem/experiment.js';
import type { ExperimentSchedule } from '../../algorithms/problem/experimentSchedule.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { placeExperimentAt } from '../../algorithms/problem/placement.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { prepareRescheduling, reschedulingPopulation, type Rescheduling } from '../../algorithms/rescheduling/reschedule.js';
import type { Rng } from '../../algorithms/random/rng.js';
import type { WorldTraffic } from '../../algorithms/simulation/worldTraffic.js';

/** How the simulator's planner makes a plan. */
export interface PlannerSettings {
  readonly algorithm: Algorithm<any>;
  /** parsed parameters */
  readonly params: unknown;
  /** the scenario's name of this planner (config label) */
  readonly label: string;
  /** re-plan every k hours; null = plan once (new experiments and extensions are then inserted into the plan) */
  readonly replanEveryHours: number | null;
  /** also re-plan at every arrival, rollback and shortfall */
  readonly replanOnEvents: boolean;
  /** initial population of non-constructive algorithms without their own populationSize */
  readonly populationSize: number;
}

/** An experiment the world has, as the planner is to see it at the planning hour. */
export interface PlanningItem {
  /** the experiment as it arrived (full requirements: re-scheduling subtracts what it consumed) */
  readonly experiment: Experiment;
  /**
   * Its schedule in simulation hours when it is in the plan in force: the hours it ran (as they
   * ran) followed by the plan's remaining hours; undefined for an experiment not planned yet.
   */
  readonly schedule?: ExperimentSchedule;
  /** its plan ended before it had its samples: `schedule` ends with a placeholder hour at the planning hour (its last hour's fractions, which may collide with others) */
  readonly extended?: boolean;
}

export interface PlanningRequest {
  /** the planning hour (simulation hours) */
  readonly at: number;
  readonly world: WorldTraffic;
  /** the forecast made at `at` for hours [at, at + horizon): hour-major, groups wide */
  readonly forecast: Int32Array;
  readonly items: readonly PlanningItem[];
}

export interface PlanningResult {
  /** the new plan: an individual of the re-scheduling problem at `at` (hour 0 = `at`; unplaced experiments are not run); none when nothing is left to plan */
  readonly plan?: Individual;
  /** per experiment of the plan's problem, the requests its valid plan delivers at least (the per-hour minima summed) */
  readonly plannedMinimum: Float64Array;
  /** ids that could not be placed (running ones must end; waiting ones wait for the next plan) */
  readonly unplaced: readonly number[];
  /** candidate schedules evaluated (the algorithm's counter plus a population it was given) */
  readonly evaluations: number;
}

/**
 * Builds the re-scheduling problem of spec §10 at hour `at` from what the world has: the plan in
 * force, extended back by the hours each experiment really ran, is re-scheduled with the existing
 * `prepareRescheduling` on a profile that is the truth before `at` (so the consumption subtracted
 * is what the experiments really got) and the forecast from `at` on. Running experiments are
 * pinned at hour 0, running business experiments keep their groups; experiments not planned yet
 * are its new experiments.
 */
export function reschedulingAt(request: PlanningRequest): Rescheduling {
  const { at, world, forecast } = request;
  const { groups } = world.profile;
  const width = groups.length;
  const horizon = forecast.length / width;
  const fallback = priorityFallback(request.items.map((item) => item.experiment));
  const planned = request.items.filter((item) => item.schedule);
  const queued = request.items.filter((item) => !item.schedule).map((item) => fallback(item.experiment));
  if (planned.length === 0) {
    // nothing runs and nothing was planned: a fresh problem on the forecast (at hour 0 of the run, or after everything ended)
    const problem = createProblem(createProfile(groups, forecast.slice()), queued, { source: `plan at hour ${at}`, rescheduling: at > 0 });
    return { atHour: at, problem, finishedIds: [], carriedOver: new Individual(problem) };
  }
  // truth before `at`, forecast from `at` on
  const requests = new Int32Array((at + horizon) * width);
  requests.set(world.profile.requests.subarray(world.origin * width, (world.origin + at) * width));
  requests.set(forecast, at * width);
  const old = new Individual(createProblem(createProfile(groups, requests), planned.map((item) => fallback(item.experiment)), { source: `plan at hour ${at}` }));
  planned.forEach((item, e) => {
    old.schedules[e].copyFrom(item.schedule!);
    old.placed[e] = 1;
  });
  const rescheduling = prepareRescheduling(old, { atHour: at, discardIds: [], newExperiments: queued });
  if (rescheduling.finishedIds.length > 0) {
    // the world ends an experiment the hour it has its samples, so none is left to finish here
    throw new Error(`simulator: experiments ${rescheduling.finishedIds.join(', ')} were still in the world at hour ${at} but had finished; this is a bug`);
  }
  return rescheduling;
}

/**
 * A full re-plan with the planner's algorithm: non-constructive algorithms start from
 * `reschedulingPopulation` with the robust sampler (the old plan carried over and completed, plus
 * sampled plans); constructive ones (greedy) build their plan themselves. An experiment that cannot
 * be placed (InfeasibleExperimentError) is left out and the plan made again without it.
 */
export function replan(request: PlanningRequest, planner: PlannerSettings, rng: Rng): PlanningResult {
  const left = new Set<number>();
  let evaluations = 0;
  for (;;) {
    const items = request.items.filter((item) => !left.has(item.experiment.id));
    if (items.length === 0) return emptyPlan([...left]);
    try {
      const rescheduling = reschedulingAt({ ...request, items });
      const { problem } = rescheduling;
      const { algorithm, params } = planner;
      let population: Individual[] | undefined;
      if (!algorithm.constructive) {
        const own = (params as { populationSize?: number } | undefined)?.populationSize;
        population = reschedulingPopulation(rescheduling, own ?? planner.populationSize, rng, 'robust');
        evaluations += population.length;
      }
      const result = algorithm.run(problem, params, { rng, sampler: 'robust', ...(population ? { initialPopulation: population } : {}) });
      evaluations += result.counters.evaluations;
      const plan = result.best;
      if (!plan.valid || !plan.complete) throw new Error(`simulator: ${algorithm.name} returned an invalid plan at hour ${request.at}; this is a bug`);
      return { plan, plannedMinimum: plannedMinimumOf(plan), unplaced: [...left], evaluations };
    } catch (error) {
      if (!(error instanceof InfeasibleExperimentError) || left.has(error.experimentId)) throw error;
      left.add(error.experimentId);
    }
  }
}

/**
 * Keeps the plan in force and only inserts what needs a place: experiments not planned yet, and
 * planned ones whose remaining requirement their old fractions no longer meet (an experiment
 * extended after a shortfall). Those are first re-sized at their place (placement.ts), else placed
 * anew at their best fit beside the others (bestPlacement.ts; a running one at hour 0). Deterministic.
 * This is "planning once": the plan of the other experiments never changes.
 */
export function repairPlan(request: PlanningRequest): PlanningResult {
  if (request.items.length === 0) return emptyPlan([]);
  const rescheduling = reschedulingAt(request);
  const plan = rescheduling.carriedOver.clone();
  const { problem } = rescheduling;
  const placer = new BestFitPlacer(problem, DEFAULT_PLACEMENT_SEARCH);
  const unplaced: number[] = [];
  // an extended experiment's placeholder hour is no plan: it is placed anew below (a running one at hour 0)
  const extended = new Set(request.items.filter((item) => item.extended).map((item) => item.experiment.id));
  problem.experiments.forEach((experiment, e) => {
    if (extended.has(experiment.id)) plan.unplace(e);
  });
  for (let e = 0; e < problem.experiments.length; e++) {
    if (!plan.placed[e] || plan.ruleFlags[e] === 0) continue;
    const schedule = plan.schedules[e];
    const groups: number[] = [];
    for (let g = 0; g < problem.profile.groups.length; g++) if ((schedule.groupMask[0] >>> g) & 1) groups.push(g);
    if (placeExperimentAt(plan, e, schedule.start, schedule.duration, groups)) continue;
    plan.unplace(e);
    if (!placer.place(plan, e)) unplaced.push(problem.experiments[e].id);
  }
  for (let e = 0; e < problem.experiments.length; e++) {
    if (plan.placed[e]) continue;
    if (unplaced.includes(problem.experiments[e].id)) continue;
    if (!placer.place(plan, e)) unplaced.push(problem.experiments[e].id);
  }
  if (!plan.valid) throw new Error(`simulator: the repaired plan at hour ${request.at} is invalid; this is a bug`);
  return { plan, plannedMinimum: plannedMinimumOf(plan), unplaced, evaluations: 0 };
}

/** Per experiment placed in the plan, the sum of its per-hour minimum traffic (spec §2) over its planned hours. */
function plannedMinimumOf(plan: Individual): Float64Array {
  const sums = new Float64Array(plan.problem.experiments.length);
  plan.problem.experiments.forEach((experiment, e) => {
    if (!plan.placed[e]) return;
    const { duration } = plan.schedules[e];
    let sum = 0;
    for (let offset = 0; offset < duration; offset++) sum += minTrafficAt(experiment, offset, duration);
    sums[e] = sum;
  });
  return sums;
}

function emptyPlan(unplaced: number[]): PlanningResult {
  return { plannedMinimum: new Float64Array(0), unplaced, evaluations: 0 };
}

/**
 * A planning problem whose priorities are all 0 has no fitness (spec §5: P = 0); the simulator
 * then plans those experiments with equal priorities 1 (the equal-weight fallback of spec §5).
 */
function priorityFallback(experiments: readonly Experiment[]): (experiment: Experiment) => Experiment {
  const allZero = experiments.every((experiment) => experiment.priority === 0);
  return allZero ? (experiment) => ({ ...experiment, priority: 1 }) : (experiment) => experiment;
}
