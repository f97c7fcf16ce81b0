import { performance } from 'node:perf_hooks';
import { type Experiment } from '../../algorithms/problem/experiment.js';
import { ExperimentSchedule } from '../../algorithms/problem/experimentSchedule.js';
import { consumedRequests, FULL_CAPACITY_PERMILLE } from '../../algorithms/problem/fractions.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { deriveSeed, Rng } from '../../algorithms/random/rng.js';
import { CanaryAnalysis, JudgementScratch, type CanaryAnalysisParameters } from '../../algorithms/simulation/canaryAnalysis.js';
import { failureOnsetHours } from '../../algorithms/simulation/failureOnset.js';
import type { Forecaster } from '../../algorithms/simulation/forecast.js';
import { NormalDraws } from '../../algorithms/simulation/normalDraws.js';
import { worldHours, type WorldTraffic } from '../../algorithms/simulation/worldTraffic.js';
import { replan, repairPlan, type PlannerSettings, type PlanningItem, type PlanningResult } from './planning.js';

/** Where an experiment of a simulated run came from. */
export type ExperimentOrigin = 'initial' | 'arrival' | 'fix';

/** An experiment that arrives in the simulated world at `arrival` (hour 0: the initial set). */
export interface ArrivingExperiment {
  readonly experiment: Experiment;
  readonly arrival: number;
  /** a name independent of the planner (`i3`, `a7`): the key of the experiment's random stream */
  readonly lineage: string;
  readonly origin: 'initial' | 'arrival';
}

export interface CanarySettings {
  /** probability per running hour that a healthy canary (REGRESSION experiment) starts to fail */
  readonly failureHazard: number;
  readonly analysis: CanaryAnalysisParameters;
  /** probability that a rolled-back canary comes back as a fixed version */
  readonly requeueProbability: number;
  /** hours from the rollback to the fixed version's arrival */
  readonly fixDelayHours: number;
  /** fixed versions per original canary at most */
  readonly maxFixes: number;
}

export type ShortfallPolicy = 'extend' | 'end';

export interface SimulationSetup {
  readonly world: WorldTraffic;
  readonly forecaster: Forecaster;
  /** the initial set (arrival 0) and the arrivals, ascending by arrival; ids unique */
  readonly experiments: readonly ArrivingExperiment[];
  /** the simulation stops at this hour at the latest (arrival window plus drain) */
  readonly maxHours: number;
  /** hours ahead each plan is made for */
  readonly planningHorizonHours: number;
  readonly canary: CanarySettings;
  /** an experiment whose plan ended before it had its samples: extended (re-planned) or ended under-powered */
  readonly shortfall: ShortfallPolicy;
  readonly planner: PlannerSettings;
  /** seed of the world's random streams (defects, metrics, fixes); the same for every planner of a repetition */
  readonly worldSeed: number;
  /** seed of the planner's random stream */
  readonly plannerSeed: number;
  /** milliseconds (default performance.now): the planner's compute time */
  readonly clock?: () => number;
}

export type ExperimentStatus = 'completed' | 'rolled-back' | 'underpowered' | 'unfinished';

/** What became of one experiment in a simulated run. */
export interface ExperimentRecord {
  readonly id: number;
  readonly lineage: string;
  readonly origin: ExperimentOrigin;
  /** id of the rolled-back canary this is the fixed version of */
  readonly fixOf?: number;
  readonly type: Experiment['type'];
  readonly priority: number;
  readonly required: number;
  readonly minDuration: number;
  readonly arrival: number;
  /** first hour it got traffic */
  readonly start?: number;
  /** hour its decision was made (exclusive end of its last hour), or the simulation's end when unfinished */
  readonly end: number;
  readonly status: ExperimentStatus;
  readonly hoursRun: number;
  /** requests it really got */
  readonly consumed: number;
  /** requests its last valid plan promised (its per-hour minima summed, at most `required`) */
  readonly target: number;
  /** target − consumed when it ended under-powered, else 0 */
  readonly shortfall: number;
  /** times its plan ended before it had its samples and it was extended */
  readonly extensions: number;
  /** first hour its defect showed (canaries) */
  readonly failedAt?: number;
  /** hour it was rolled back */
  readonly rolledBackAt?: number;
  /** requests served while failing, before the rollback */
  readonly exposed: number;
  /** why it ended under-powered: `plan-ended` (policy end) or `no-room` (no extension fits) */
  readonly reason?: string;
}

export type EventKind = 'arrival' | 'start' | 'failure' | 'rollback' | 'fix-queued' | 'completed' | 'shortfall' | 'underpowered' | 'deferred' | 'replan' | 'replan-kept' | 'repair';

export interface EventRecord {
  readonly hour: number;
  readonly event: EventKind;
  readonly id?: number;
  readonly detail?: string;
}

export interface SimulationResult {
  readonly experiments: readonly ExperimentRecord[];
  readonly events: readonly EventRecord[];
  /** hours simulated (the run stops early once everything is decided and nothing more arrives) */
  readonly hours: number;
  /** requests all groups sent over the hours simulated (one service's traffic) */
  readonly trafficRequests: number;
  /** service × group × hour cells whose executed fractions summed to more than 100 % */
  readonly capacityOverruns: number;
  readonly replans: number;
  readonly repairs: number;
  readonly plannerEvaluations: number;
  /** wall time of all planning (not deterministic: kept out of simulations.csv) */
  readonly plannerMs: number;
}

type State = 'waiting' | 'running' | ExperimentStatus;

/** One experiment's life in the world. */
class WorldExperiment {
  state: State = 'waiting';
  start = -1;
  end = -1;
  hoursRun = 0;
  consumed = 0;
  target: number;
  extensions = 0;
  /** planned end (simulation hour, exclusive) in the plan in force; -1 when not planned */
  plannedEnd = -1;
  needsExtension = false;
  failedAt = -1;
  rolledBackAt = -1;
  exposed = 0;
  reason?: string;
  /** the hours it ran, as they ran (simulation hours) */
  readonly history: ExperimentSchedule;
  readonly normals: NormalDraws;
  /** healthy running hours before its defect shows (Infinity: none; business experiments never fail) */
  readonly onset: number;
  readonly analysis?: CanaryAnalysis;
  readonly rng: Rng;

  constructor(
    readonly experiment: Experiment,
    readonly arrival: number,
    readonly lineage: string,
    readonly origin: ExperimentOrigin,
    readonly fixOf: number | undefined,
    readonly fixNumber: number,
    groups: number,
    setup: SimulationSetup,
    scratch: JudgementScratch,
  ) {
    this.target = experiment.requiredTotalTraffic;
    this.history = new ExperimentSchedule(groups, 16);
    this.rng = Rng.fromSeed(deriveSeed(setup.worldSeed, `experiment/${lineage}`));
    this.normals = new NormalDraws(this.rng);
    const canary = experiment.type === 'REGRESSION';
    // drawn first, whatever the hazard: equal streams across the scenarios of a repetition
    const u = this.rng.float();
    this.onset = canary ? failureOnsetHours(u, setup.canary.failureHazard) : Number.POSITIVE_INFINITY;
    if (canary) this.analysis = new CanaryAnalysis(setup.canary.analysis, scratch);
  }

  get active(): boolean {
    return this.state === 'waiting' || this.state === 'running';
  }
}

interface PlanInForce {
  readonly plan: Individual;
  /** simulation hour of the plan's hour 0 */
  readonly offset: number;
  /** world experiment of each experiment of the plan's problem */
  readonly members: readonly WorldExperiment[];
}

/**
 * One simulated run, hour by hour: the world sends its true traffic, the plan in force routes
 * fractions of it to the experiments, canaries fail and are judged on simulated metrics, and the
 * planner re-plans (every k hours, on events) on its forecast. Deterministic in the two seeds.
 *
 * Each hour t: experiments arriving at t join; the planner plans if due; the plan's assignments of
 * hour t run on the true traffic; at the end of the hour a canary whose analysis fails is rolled
 * back, an experiment that has run its minimum duration and received what its plan promised is
 * complete, and one whose planned hours are over without that is extended (policy `extend`: it
 * keeps running, re-planned for what it lacks) or ends under-powered (policy `end`).
 */
export function simulateRun(setup: SimulationSetup): SimulationResult {
  const { world, planner, canary } = setup;
  const width = world.profile.groups.length;
  const clock = setup.clock ?? (() => performance.now());
  const plannerRng = Rng.fromSeed(setup.plannerSeed);
  const scratch = new JudgementScratch();
  const available = worldHours(world);
  if (setup.maxHours + setup.planningHorizonHours > available) {
    throw new Error(`the world has ${available} hours from the simulation's start; ${setup.maxHours} simulated plus a planning horizon of ${setup.planningHorizonHours} need ${setup.maxHours + setup.planningHorizonHours}`);
  }
  const events: EventRecord[] = [];
  const all: WorldExperiment[] = [];
  const byId = new Map<number, WorldExperiment>();
  const pendingFixes: WorldExperiment[] = [];
  let nextArrival = 0;
  let nextId = Math.max(0, ...setup.experiments.map((item) => item.experiment.id)) + 1;
  let plan: PlanInForce | undefined;
  let replans = 0;
  let repairs = 0;
  let plannerEvaluations = 0;
  let plannerMs = 0;
  let overruns = 0;
  let traffic = 0;
  let eventNow = false;
  let freedNow = false;
  let lastArrival = setup.experiments.length > 0 ? setup.experiments[setup.experiments.length - 1].arrival : 0;

  const admit = (item: WorldExperiment, hour: number): void => {
    if (byId.has(item.experiment.id)) throw new Error(`experiment id ${item.experiment.id} arrives twice`);
    all.push(item);
    byId.set(item.experiment.id, item);
    events.push({ hour, event: 'arrival', id: item.experiment.id, detail: item.origin === 'fix' ? `fix of ${item.fixOf}` : item.origin });
  };

  const endAs = (item: WorldExperiment, state: ExperimentStatus, hour: number): void => {
    item.state = state;
    item.end = hour;
    item.needsExtension = false;
  };

  const planAt = (t: number, full: boolean): void => {
    const items: PlanningItem[] = [];
    const members = plan?.members ?? [];
    const planned = new Map<WorldExperiment, number>();
    members.forEach((member, e) => {
      if (plan!.plan.placed[e]) planned.set(member, e);
    });
    const order: WorldExperiment[] = [];
    for (const item of all) {
      if (!item.active) continue;
      const e = planned.get(item);
      if (item.state === 'running' || e !== undefined) {
        items.push({ experiment: item.experiment, schedule: scheduleOf(item, e, t), extended: item.needsExtension });
      } else {
        items.push({ experiment: item.experiment });
      }
      order.push(item);
    }
    if (items.length === 0) {
      plan = undefined;
      return;
    }
    const forecast = setup.forecaster.forecast(t, setup.planningHorizonHours);
    const startedAt = clock();
    let result: PlanningResult = full ? replan({ at: t, world, forecast, items }, planner, plannerRng) : repairPlan({ at: t, world, forecast, items });
    const runningLeftOut = full && order.some((item) => item.state === 'running' && result.unplaced.includes(item.experiment.id));
    if (runningLeftOut) {
      // a new plan without room for a running experiment would stop it: keep the plan in force instead
      // (inserting what needs a place), and stop it only if even that has no room
      plannerEvaluations += result.evaluations;
      result = repairPlan({ at: t, world, forecast, items });
      events.push({ hour: t, event: 'replan-kept', detail: `${planner.label} left out a running experiment; the plan in force is kept` });
    }
    plannerMs += clock() - startedAt;
    plannerEvaluations += result.evaluations;
    if (full) replans++;
    else repairs++;
    const unplaced = new Set(result.unplaced);
    const newMembers: WorldExperiment[] = [];
    if (result.plan) {
      const { problem } = result.plan;
      problem.experiments.forEach((experiment, e) => {
        const member = byId.get(experiment.id)!;
        newMembers.push(member);
        if (!result.plan!.placed[e]) return;
        const schedule = result.plan!.schedules[e];
        member.plannedEnd = t + schedule.start + schedule.duration;
        member.target = Math.min(member.experiment.requiredTotalTraffic, member.consumed + result.plannedMinimum[e]);
        member.needsExtension = false;
      });
    }
    plan = result.plan ? { plan: result.plan, offset: t, members: newMembers } : undefined;
    for (const item of order) {
      if (!unplaced.has(item.experiment.id)) continue;
      item.plannedEnd = -1;
      if (item.state === 'running') {
        // pinned at hour 0 and nothing fits: it cannot go on
        item.reason = 'no-room';
        item.target = Math.min(item.target, item.experiment.requiredTotalTraffic);
        endAs(item, 'underpowered', t);
        events.push({ hour: t, event: 'underpowered', id: item.experiment.id, detail: 'no room to go on' });
      } else {
        events.push({ hour: t, event: 'deferred', id: item.experiment.id, detail: 'no room in the plan; waits for the next plan' });
      }
    }
    const placedCount = newMembers.filter((_, e) => result.plan!.placed[e]).length;
    events.push({ hour: t, event: full ? 'replan' : 'repair', detail: `${placedCount} planned${unplaced.size ? `, ${unplaced.size} left out` : ''}` });
  };

  /** e's schedule in simulation hours: the hours it ran, then the plan's remaining hours (or one more hour to extend it). */
  const scheduleOf = (item: WorldExperiment, e: number | undefined, t: number): ExperimentSchedule => {
    const combined = new ExperimentSchedule(width, 16);
    const history = item.history;
    const remainder = e !== undefined ? plan!.plan.schedules[e] : undefined;
    const planStart = remainder ? plan!.offset + remainder.start : t;
    const start = item.state === 'running' ? item.start : planStart;
    const ran = item.state === 'running' ? item.hoursRun : 0;
    const planHoursFrom = remainder ? t - planStart : 0; // offsets of the plan already run
    const remaining = remainder ? Math.max(0, remainder.duration - Math.max(0, planHoursFrom)) : 0;
    const extension = item.needsExtension && remaining === 0 ? 1 : 0;
    combined.reset(start, ran + remaining + extension);
    combined.groupMask.set(history.groupMask.subarray(0, ran));
    combined.permille.set(history.permille.subarray(0, ran * width));
    if (remainder && remaining > 0) {
      const from = Math.max(0, planHoursFrom);
      combined.groupMask.set(remainder.groupMask.subarray(from, from + remaining), ran);
      combined.permille.set(remainder.permille.subarray(from * width, (from + remaining) * width), ran * width);
    }
    if (extension) {
      // a placeholder hour at t on the groups of its last hour: prepareRescheduling then keeps it
      // running with what it lacks, and the planner sizes that
      combined.groupMask[ran] = history.groupMask[ran - 1];
      for (let g = 0; g < width; g++) combined.permille[ran * width + g] = history.permille[(ran - 1) * width + g];
    }
    if (item.state === 'running' && start + ran !== t) throw new Error(`simulator: experiment ${item.experiment.id} ran ${ran} hours from ${start} but it is hour ${t}; this is a bug`);
    return combined;
  };

  const makeFix = (item: WorldExperiment, hour: number): void => {
    const number = item.fixNumber + 1;
    const root = item.origin === 'fix' ? item.lineage.replace(/\.fix\d+$/, '') : item.lineage;
    const fix = new WorldExperiment({ ...item.experiment, id: nextId++ }, hour + canary.fixDelayHours, `${root}.fix${number}`, 'fix', item.experiment.id, number, width, setup, scratch);
    pendingFixes.push(fix);
    lastArrival = Math.max(lastArrival, fix.arrival);
    events.push({ hour, event: 'fix-queued', id: fix.experiment.id, detail: `fix of ${item.experiment.id}, arrives at ${fix.arrival}` });
  };

  let loads = new Int32Array(width);
  let t = 0;
  for (; t < setup.maxHours; t++) {
    // arrivals
    let arrived = false;
    while (nextArrival < setup.experiments.length && setup.experiments[nextArrival].arrival === t) {
      const input = setup.experiments[nextArrival++];
      admit(new WorldExperiment(input.experiment, t, input.lineage, input.origin, undefined, 0, width, setup, scratch), t);
      arrived = true;
    }
    if (nextArrival < setup.experiments.length && setup.experiments[nextArrival].arrival < t) throw new Error('arrivals must be in ascending order of hour');
    for (let i = 0; i < pendingFixes.length; ) {
      if (pendingFixes[i].arrival === t) {
        admit(pendingFixes[i], t);
        pendingFixes.splice(i, 1);
        arrived = true;
      } else i++;
    }
    // planning
    const active = all.some((item) => item.active);
    if (active) {
      const periodic = t === 0 || (planner.replanEveryHours !== null && t % planner.replanEveryHours === 0);
      const extension = all.some((item) => item.needsExtension);
      const waiting = all.some((item) => item.state === 'waiting' && item.plannedEnd < 0);
      const planOnce = planner.replanEveryHours === null;
      if (periodic || (planner.replanOnEvents && (eventNow || arrived))) planAt(t, true);
      else if (extension || (planOnce && waiting && (arrived || freedNow))) planAt(t, false);
    }
    eventNow = false;
    freedNow = false;
    // the hour runs on the true traffic
    let hourTraffic = 0;
    for (let g = 0; g < width; g++) hourTraffic += world.profile.requests[(world.origin + t) * width + g];
    traffic += hourTraffic;
    const ran: WorldExperiment[] = [];
    if (plan) {
      const { problem, schedules, placed } = plan.plan;
      if (loads.length < problem.services.length * width) loads = new Int32Array(problem.services.length * width);
      loads.fill(0);
      plan.members.forEach((member, e) => {
        if (!placed[e] || !member.active) return;
        const schedule = schedules[e];
        const offset = t - plan!.offset - schedule.start;
        if (offset < 0 || offset >= schedule.duration) return;
        if (member.state === 'waiting') {
          member.state = 'running';
          member.start = t;
          events.push({ hour: t, event: 'start', id: member.experiment.id });
        }
        const mask = schedule.groupMask[offset];
        const history = member.history;
        if (history.duration === 0) history.start = t;
        history.reserve(history.duration + 1);
        const row = history.duration;
        history.duration++;
        history.groupMask[row] = mask;
        let requests = 0;
        const service = problem.serviceOf[e] * width;
        for (let m = mask; m !== 0; m &= m - 1) {
          const g = 31 - Math.clz32(m & -m);
          const permille = schedule.permille[offset * width + g];
          history.permille[row * width + g] = permille;
          loads[service + g] += permille;
          requests += consumedRequests(world.profile.requests[(world.origin + t) * width + g], permille);
        }
        const failing = member.hoursRun >= member.onset;
        if (failing && member.failedAt < 0) {
          member.failedAt = t;
          events.push({ hour: t, event: 'failure', id: member.experiment.id });
        }
        if (failing) member.exposed += requests;
        member.analysis?.observeHour(requests, failing, member.normals);
        member.consumed += requests;
        member.hoursRun++;
        ran.push(member);
      });
      for (let i = 0; i < problem.services.length * width; i++) if (loads[i] > FULL_CAPACITY_PERMILLE) overruns++;
    }
    // the end of the hour: judgements, decisions, shortfalls (effective from t + 1)
    const next = t + 1;
    for (const member of ran) {
      if (member.analysis?.judgeHour()) {
        member.rolledBackAt = next;
        endAs(member, 'rolled-back', next);
        events.push({ hour: next, event: 'rollback', id: member.experiment.id, detail: member.failedAt >= 0 ? `failing since ${member.failedAt}` : 'healthy (a false alarm)' });
        eventNow = true;
        freedNow = true;
        if (member.fixNumber < canary.maxFixes && member.rng.chance(canary.requeueProbability)) makeFix(member, next);
      } else if (member.consumed >= member.target && member.hoursRun >= member.experiment.minDuration) {
        endAs(member, 'completed', next);
        events.push({ hour: next, event: 'completed', id: member.experiment.id, detail: member.failedAt >= 0 ? 'promoted while failing (missed)' : undefined });
        freedNow = true;
      } else if (next >= member.plannedEnd) {
        if (setup.shortfall === 'end') {
          member.reason = 'plan-ended';
          endAs(member, 'underpowered', next);
          events.push({ hour: next, event: 'underpowered', id: member.experiment.id, detail: `short of ${member.target - member.consumed} requests` });
          freedNow = true;
        } else {
          member.needsExtension = true;
          member.extensions++;
          events.push({ hour: next, event: 'shortfall', id: member.experiment.id, detail: `short of ${member.target - member.consumed} requests; extended` });
          eventNow = true;
        }
      }
    }
    if (next >= lastArrival && pendingFixes.length === 0 && nextArrival >= setup.experiments.length && !all.some((item) => item.active)) {
      t = next;
      break;
    }
  }
  const hours = Math.min(t, setup.maxHours);
  const records: ExperimentRecord[] = all.map((item) => record(item, hours));
  return { experiments: records, events, hours, trafficRequests: traffic, capacityOverruns: overruns, replans, repairs, plannerEvaluations, plannerMs };
}

function record(item: WorldExperiment, hours: number): ExperimentRecord {
  const { experiment } = item;
  const status: ExperimentStatus = item.active ? 'unfinished' : (item.state as ExperimentStatus);
  return {
    id: experiment.id,
    lineage: item.lineage,
    origin: item.origin,
    ...(item.fixOf !== undefined ? { fixOf: item.fixOf } : {}),
    type: experiment.type,
    priority: experiment.priority,
    required: experiment.requiredTotalTraffic,
    minDuration: experiment.minDuration,
    arrival: item.arrival,
    ...(item.start >= 0 ? { start: item.start } : {}),
    end: item.active ? hours : item.end,
    status,
    hoursRun: item.hoursRun,
    consumed: item.consumed,
    target: item.target,
    shortfall: status === 'underpowered' ? Math.max(0, item.target - item.consumed) : 0,
    extensions: item.extensions,
    ...(item.failedAt >= 0 ? { failedAt: item.failedAt } : {}),
    ...(item.rolledBackAt >= 0 ? { rolledBackAt: item.rolledBackAt } : {}),
    exposed: item.exposed,
    ...(item.reason ? { reason: item.reason } : {}),
  };
}
