import type { CsvValue } from '../output/csv.js';
import { describe } from '../stats/descriptiveStatistics.js';
import { bootstrapInterval } from '../stats/bootstrap.js';
import { wilcoxonSignedRank } from '../stats/wilcoxonSignedRank.js';
import { labelOf } from './simulationConfig.js';
import { arrivalsLabel, forecastLabel, replanningLabel, type SimulationRunSpec } from './simulationPlan.js';
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
  replanning: replanningLabel(run.replanEveryHours, run.replanOnEvents),
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

/** The 95 % percentile bootstrap interval of a mean (fixed seed: the tables are the same on every run). */
function meanInterval(values: readonly number[]): { low?: number; high?: number } {
  const interval = values.length >= 2 ? bootstrapInterval([values], (resampled) => describe(resampled).mean!) : undefined;
  return interval ? { low: interval.low, high: interval.high } : {};
}

/**
 * replanning-gain.csv: each re-planning policy (every k hours and/or on events) against planning
 * once, same forecast, arrivals, hazard and algorithm, paired by repetition (the same world).
 * Gain = plan-once time to decision − re-planned one (positive: re-planning decides sooner), with
 * its mean, sd, a 95 % bootstrap interval of the mean, and the two-sided Wilcoxon signed-rank p of
 * the paired gains; completed and under-powered experiments per run, both ways.
 */
export const GAIN_COLUMNS = [
  'forecast', 'arrivals', 'failure_hazard', 'algorithm', 'replanning', 'n', 'mean_plan_once_h', 'mean_replanned_h',
  'mean_gain_h', 'sd_gain_h', 'gain_ci_low_h', 'gain_ci_high_h', 'wilcoxon_p', 'runs_better', 'runs_worse',
  'mean_completed_plan_once', 'mean_completed_replanned', 'mean_underpowered_plan_once', 'mean_underpowered_replanned',
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
      return baseline && Number.isFinite(baseline.weightedTimeToDecision) && Number.isFinite(finished.outcome.weightedTimeToDecision)
        ? [{ baseline, replanned: finished.outcome }] : [];
    });
    if (pairs.length === 0) continue;
    const gains = pairs.map((pair) => pair.baseline.weightedTimeToDecision - pair.replanned.weightedTimeToDecision);
    const stats = describe(gains);
    const interval = meanInterval(gains);
    const mean = (value: (outcome: RunOutcome) => number, side: 'baseline' | 'replanned') => describe(pairs.map((pair) => value(pair[side]))).mean;
    rows.push({
      forecast: forecastLabel(first.forecast),
      arrivals: arrivalsLabel(first.arrivals),
      failure_hazard: first.failureHazard,
      algorithm: labelOf(first.algorithm),
      replanning: settings(first).replanning,
      n: pairs.length,
      mean_plan_once_h: mean((o) => o.weightedTimeToDecision, 'baseline'),
      mean_replanned_h: mean((o) => o.weightedTimeToDecision, 'replanned'),
      mean_gain_h: stats.mean,
      sd_gain_h: stats.sd,
      gain_ci_low_h: interval.low,
      gain_ci_high_h: interval.high,
      wilcoxon_p: wilcoxonSignedRank(gains).pValue,
      runs_better: gains.filter((gain) => gain > 0).length,
      runs_worse: gains.filter((gain) => gain < 0).length,
      mean_completed_plan_once: mean((o) => o.completed, 'baseline'),
      mean_completed_replanned: mean((o) => o.completed, 'replanned'),
      mean_underpowered_plan_once: mean((o) => o.underpowered, 'baseline'),
      mean_underpowered_replanned: mean((o) => o.underpowered, 'replanned'),
    });
  }
  return rows;
}

/**
 * best-algorithm.csv: per forecast, arrivals, hazard and re-planning policy, the algorithms ranked
 * by mean priority-weighted time to decision (lowest first), the best and the runner-up with mean
 * and sd, and their paired comparison over the repetitions both ran (the same world): the mean
 * lead (runner-up − best, hours) with a 95 % bootstrap interval, the runs the best was ahead in,
 * and the two-sided Wilcoxon signed-rank p (harness/stats; with 8 pairs the smallest possible p is 0.0078).
 */
export const BEST_COLUMNS = [
  'forecast', 'arrivals', 'failure_hazard', 'replanning', 'algorithms', 'ranking', 'n', 'best', 'best_mean_h', 'best_sd_h',
  'runner_up', 'runner_up_mean_h', 'runner_up_sd_h', 'pairs', 'mean_lead_h', 'lead_ci_low_h', 'lead_ci_high_h', 'runs_ahead', 'runs_behind', 'wilcoxon_p',
] as const;

export function bestAlgorithmRows(runs: readonly FinishedRun[]): Row[] {
  // cell → algorithm → repetition → outcome
  const cells = new Map<string, Map<string, Map<number, number>>>();
  for (const { run, outcome } of runs) {
    const setting = settings(run);
    const cell = [setting.forecast, setting.arrivals, setting.failure_hazard, setting.replanning].join('|');
    const perAlgorithm = cells.get(cell) ?? new Map<string, Map<number, number>>();
    const values = perAlgorithm.get(labelOf(run.algorithm)) ?? new Map<number, number>();
    if (Number.isFinite(outcome.weightedTimeToDecision)) values.set(run.repetition, outcome.weightedTimeToDecision);
    perAlgorithm.set(labelOf(run.algorithm), values);
    cells.set(cell, perAlgorithm);
  }
  const rows: Row[] = [];
  for (const [cell, perAlgorithm] of cells) {
    const [forecast, arrivals, hazard, replanning] = cell.split('|');
    const ranked = [...perAlgorithm.entries()].filter(([, values]) => values.size > 0)
      .map(([algorithm, values]) => ({ algorithm, values, stats: describe([...values.values()]) }))
      .sort((a, b) => a.stats.mean! - b.stats.mean! || a.algorithm.localeCompare(b.algorithm));
    if (ranked.length === 0) continue;
    const [best, second] = ranked;
    const leads = second ? [...best.values].filter(([repetition]) => second.values.has(repetition)).map(([repetition, value]) => second.values.get(repetition)! - value) : [];
    const interval = meanInterval(leads);
    rows.push({
      forecast,
      arrivals,
      failure_hazard: Number(hazard),
      replanning,
      algorithms: ranked.length,
      ranking: ranked.map((entry) => entry.algorithm).join(' < '),
      n: best.values.size,
      best: best.algorithm,
      best_mean_h: best.stats.mean,
      best_sd_h: best.stats.sd,
      runner_up: second?.algorithm,
      runner_up_mean_h: second?.stats.mean,
      runner_up_sd_h: second?.stats.sd,
      pairs: second ? leads.length : undefined,
      mean_lead_h: leads.length > 0 ? describe(leads).mean : undefined,
      lead_ci_low_h: interval.low,
      lead_ci_high_h: interval.high,
      runs_ahead: second ? leads.filter((lead) => lead > 0).length : undefined,
      runs_behind: second ? leads.filter((lead) => lead < 0).length : undefined,
      wilcoxon_p: leads.length > 0 ? wilcoxonSignedRank(leads).pValue : undefined,
    });
  }
  return rows;
}
