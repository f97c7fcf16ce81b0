import type { CsvValue } from '../output/csv.js';
import { labelOf } from './simulationConfig.js';
import { arrivalsLabel, forecastLabel, forecastNoise, type SimulationRunSpec } from './simulationPlan.js';
import type { RunOutcome } from './runOutcome.js';
import type { SimulationResult } from './simulateRun.js';

type Row = Record<string, CsvValue>;

/** simulations.csv: one tidy row per simulated run (settings, seeds, outcomes); no wall time, so equal seeds give equal bytes. */
export const SIMULATION_COLUMNS = [
  'run_id', 'scenario', 'algorithm', 'replan_every_hours', 'replan_on_events', 'forecast', 'forecast_noise', 'arrivals', 'arrivals_per_day',
  'failure_hazard', 'repetition', 'world_seed', 'planner_seed',
  'hours', 'experiments', 'completed', 'rolled_back', 'false_rollbacks', 'failures', 'missed_failures', 'underpowered',
  'shortfall_requests', 'shortfall_share', 'unfinished', 'extensions', 'fixes', 'weighted_time_to_decision_h', 'mean_time_to_decision_h',
  'mean_detection_h', 'exposed_requests', 'blast_radius', 'capacity_overruns', 'replans', 'repairs', 'planner_evaluations',
] as const;

export function simulationRow(run: SimulationRunSpec, outcome: RunOutcome): Row {
  return {
    run_id: run.id,
    scenario: run.scenario,
    algorithm: labelOf(run.algorithm),
    replan_every_hours: run.replanEveryHours ?? undefined,
    replan_on_events: run.replanOnEvents,
    forecast: forecastLabel(run.forecast),
    forecast_noise: forecastNoise(run.forecast),
    arrivals: arrivalsLabel(run.arrivals),
    arrivals_per_day: run.arrivals.kind === 'poisson' ? run.arrivals.perDay : run.arrivals.kind === 'none' ? 0 : undefined,
    failure_hazard: run.failureHazard,
    repetition: run.repetition,
    world_seed: run.worldSeed,
    planner_seed: run.plannerSeed,
    hours: outcome.hours,
    experiments: outcome.experiments,
    completed: outcome.completed,
    rolled_back: outcome.rolledBack,
    false_rollbacks: outcome.falseRollbacks,
    failures: outcome.failures,
    missed_failures: outcome.missedFailures,
    underpowered: outcome.underpowered,
    shortfall_requests: outcome.shortfallRequests,
    shortfall_share: outcome.shortfallShare,
    unfinished: outcome.unfinished,
    extensions: outcome.extensions,
    fixes: outcome.fixes,
    weighted_time_to_decision_h: outcome.weightedTimeToDecision,
    mean_time_to_decision_h: outcome.meanTimeToDecision,
    mean_detection_h: outcome.meanDetectionHours,
    exposed_requests: outcome.exposedRequests,
    blast_radius: outcome.blastRadius,
    capacity_overruns: outcome.capacityOverruns,
    replans: outcome.replans,
    repairs: outcome.repairs,
    planner_evaluations: outcome.plannerEvaluations,
  };
}

/** experiments.csv: one row per experiment of each run. */
export const EXPERIMENT_COLUMNS = [
  'run_id', 'id', 'lineage', 'origin', 'fix_of', 'type', 'priority', 'required', 'min_duration', 'arrival', 'start', 'end', 'status',
  'hours_run', 'consumed', 'target', 'shortfall', 'extensions', 'failed_at', 'rolled_back_at', 'exposed', 'reason',
] as const;

export function experimentRows(run: SimulationRunSpec, result: SimulationResult): Row[] {
  return result.experiments.map((record) => ({
    run_id: run.id,
    id: record.id,
    lineage: record.lineage,
    origin: record.origin,
    fix_of: record.fixOf,
    type: record.type,
    priority: record.priority,
    required: record.required,
    min_duration: record.minDuration,
    arrival: record.arrival,
    start: record.start,
    end: record.end,
    status: record.status,
    hours_run: record.hoursRun,
    consumed: record.consumed,
    target: record.target,
    shortfall: record.shortfall,
    extensions: record.extensions,
    failed_at: record.failedAt,
    rolled_back_at: record.rolledBackAt,
    exposed: record.exposed,
    reason: record.reason,
  }));
}

/** events.csv: the run's events in order (arrivals, starts, failures, rollbacks, plans, …): the timeline. */
export const EVENT_COLUMNS = ['run_id', 'hour', 'event', 'id', 'detail'] as const;

export function eventRows(run: SimulationRunSpec, result: SimulationResult): Row[] {
  return result.events.map((event) => ({ run_id: run.id, hour: event.hour, event: event.event, id: event.id, detail: event.detail }));
}

/** timings.csv: wall times (not reproducible to the digit, hence apart from simulations.csv). */
export const TIMING_COLUMNS = ['run_id', 'planner_ms', 'run_ms'] as const;
