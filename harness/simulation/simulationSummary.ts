import type { CsvValue } from '../output/csv.js';
import { describe } from '../stats/descriptiveStatistics.js';
import { mannWhitneyU } from '../stats/mannWhitney.js';
import { labelOf } from './simulationConfig.js';
import { arrivalsLabel, forecastLabel, replanLabel, type SimulationRunSpec } from './simulationPlan.js';
import type { RunOutcome } from './runOutcome.js';

export interface FinishedRun {
  readonly run: SimulationRunSpec;
  readonly outcome: RunOutcome;
}

type Row = Record<string, CsvValue>;

/** The outcomes summarised per scenario (mean and sd over the repetitions). */
const SUMMARISED: readonly (readonly [column: string, value: (outcome: RunOutcome) => number])[] = [
  ['weighted_time_to_decision_h', (o) => o.weightedTimeToDecision],
  ['completed', (o) => o.completed],
  ['rolled_back', (o) => o.rolledBack],
  ['false_rollbacks', (o) => o.falseRollbacks],
  ['missed_failures', (o) => o.missedFailures],
  ['underpowered', (o) => o.underpowered],
  ['shortfall_share', (o) => o.shortfallShare],
  ['unfinished', (o) => o.unfinished],
  ['extensions', (o) => o.extensions],
  ['mean_detection_h', (o) => o.meanDetectionHours],
  ['blast_radius', (o) => o.blastRadius],
  ['replans', (o) => o.replans],
  ['planner_evaluations', (o) => o.plannerEvaluations],
];

const SETTING_COLUMNS = ['scenario', 'forecast', 'arrivals', 'failure_hazard', 'replanning', 'algorithm'] as const;

export const SUMMARY_COLUMNS = [
  ...SETTING_COLUMNS, 'n', ...SUMMARISED.flatMap(([column]) => [`mean_${column}`, `sd_${column}`]), 'max_capacity_overruns',
] as const;

const settings = (run: SimulationRunSpec): Row => ({
  scenario: run.scenario,
  forecast: forecastLabel(run.forecast),
  arrivals: arrivalsLabel(run.arrivals),
  failure_hazard: run.failureHazard,
  replanning: `${replanLabel(run.replanEveryHours)}${run.replanOnEvents ? '+events' : ''}`,
  algorithm: labelOf(run.algorithm),
});

/** Runs grouped by scenario, in plan order. */
function byScenario(runs: readonly FinishedRun[]): Map<string, FinishedRun[]> {
  const groups = new Map<string, FinishedRun[]>();
  for (const finished of runs) {
    const group = groups.get(finished.run.scenario) ?? [];
    group.push(finished);
    groups.set(finished.run.scenario, group);
  }
  return groups;
}

/** summary.csv: per scenario, n and mean/sd of each outcome (NaN outcomes, e.g. no detection in a run, left out). */
export function summaryRows(runs: readonly FinishedRun[]): Row[] {
  return [...byScenario(runs).values()].map((group) => {
    const row: Row = { ...settings(group[0].run), n: group.length };
    for (const [column, value] of SUMMARISED) {
      const stats = describe(group.map((finished) => value(finished.outcome)).filter((x) => Number.isFinite(x)));
      row[`mean_${column}`] = stats.mean;
      row[`sd_${column}`] = stats.sd;
    }
    row.max_capacity_overruns = Math.max(...group.map((finished) => finished.outcome.capacityOverruns));
    return row;
  });
}

/** replanning-gain.csv: re-planning (every k hours and/or on events) against planning once, paired by repetition (same world). */
export const GAIN_COLUMNS = [
  'forecast', 'arrivals', 'failure_hazard', 'algorithm', 'replanning', 'n', 'mean_plan_once_h', 'mean_replanned_h',
  'mean_gain_h', 'sd_gain_h', 'runs_better', 'runs_worse', 'mean_completed_gain', 'mean_underpowered_gain',
] as const;

export function replanningGainRows(runs: readonly FinishedRun[]): Row[] {
  const key = (run: SimulationRunSpec): string => [forecastLabel(run.forecast), arrivalsLabel(run.arrivals), run.failureHazard, labelOf(run.algorithm), run.repetition].join('|');
  const once = new Map<string, RunOutcome>();
  const plannedOnce = (run: SimulationRunSpec): boolean => run.replanEveryHours === null && !run.replanOnEvents;
  for (const finished of runs) if (plannedOnce(finished.run)) once.set(key(finished.run), finished.outcome);
  const rows: Row[] = [];
  for (const group of byScenario(runs).values()) {
    const first = group[0].run;
    if (plannedOnce(first)) continue;
    const pairs = group.flatMap((finished) => {
      const baseline = once.get(key(finished.run));
      return baseline ? [{ baseline, replanned: finished.outcome }] : [];
    });
    if (pairs.length === 0) continue;
    const gains = pairs.map((pair) => pair.baseline.weightedTimeToDecision - pair.replanned.weightedTimeToDecision);
    const stats = describe(gains);
    rows.push({
      forecast: forecastLabel(first.forecast),
      arrivals: arrivalsLabel(first.arrivals),
      failure_hazard: first.failureHazard,
      algorithm: labelOf(first.algorithm),
      replanning: settings(first).replanning,
      n: pairs.length,
      mean_plan_once_h: describe(pairs.map((pair) => pair.baseline.weightedTimeToDecision)).mean,
      mean_replanned_h: describe(pairs.map((pair) => pair.replanned.weightedTimeToDecision)).mean,
      mean_gain_h: stats.mean,
      sd_gain_h: stats.sd,
      runs_better: gains.filter((gain) => gain > 0).length,
      runs_worse: gains.filter((gain) => gain < 0).length,
      mean_completed_gain: describe(pairs.map((pair) => pair.replanned.completed - pair.baseline.completed)).mean,
      mean_underpowered_gain: describe(pairs.map((pair) => pair.baseline.underpowered - pair.replanned.underpowered)).mean,
    });
  }
  return rows;
}

/**
 * best-algorithm.csv: per forecast, arrivals, hazard and re-planning interval, the algorithm with the
 * lowest mean priority-weighted time to decision, the runner-up, and the two-sided Mann–Whitney p of
 * the two samples (harness/stats; with ≤ 3 repetitions no p below 0.1 is possible: read n).
 */
export const BEST_COLUMNS = [
  'forecast', 'arrivals', 'failure_hazard', 'replanning', 'algorithms', 'n', 'best', 'best_mean_h', 'best_sd_h',
  'runner_up', 'runner_up_mean_h', 'runner_up_sd_h', 'p_value',
] as const;

export function bestAlgorithmRows(runs: readonly FinishedRun[]): Row[] {
  const cells = new Map<string, Map<string, number[]>>();
  for (const { run, outcome } of runs) {
    const setting = settings(run);
    const cell = [setting.forecast, setting.arrivals, setting.failure_hazard, setting.replanning].join('|');
    const perAlgorithm = cells.get(cell) ?? new Map<string, number[]>();
    const values = perAlgorithm.get(labelOf(run.algorithm)) ?? [];
    if (Number.isFinite(outcome.weightedTimeToDecision)) values.push(outcome.weightedTimeToDecision);
    perAlgorithm.set(labelOf(run.algorithm), values);
    cells.set(cell, perAlgorithm);
  }
  const rows: Row[] = [];
  for (const [cell, perAlgorithm] of cells) {
    const [forecast, arrivals, hazard, replanning] = cell.split('|');
    const ranked = [...perAlgorithm.entries()].filter(([, values]) => values.length > 0)
      .map(([algorithm, values]) => ({ algorithm, values, stats: describe(values) }))
      .sort((a, b) => a.stats.mean! - b.stats.mean! || a.algorithm.localeCompare(b.algorithm));
    if (ranked.length === 0) continue;
    const [best, second] = ranked;
    rows.push({
      forecast,
      arrivals,
      failure_hazard: Number(hazard),
      replanning,
      algorithms: ranked.length,
      n: best.values.length,
      best: best.algorithm,
      best_mean_h: best.stats.mean,
      best_sd_h: best.stats.sd,
      runner_up: second?.algorithm,
      runner_up_mean_h: second?.stats.mean,
      runner_up_sd_h: second?.stats.sd,
      p_value: second ? mannWhitneyU(best.values, second.values).pValue : undefined,
    });
  }
  return rows;
}
