import type { SimulationConfig } from './simulationConfig.js';
import { bestAlgorithmRows, replanningGainRows, summaryRows, type FinishedRun } from './simulationSummary.js';

/**
 * report.md of a simulation study: the set-up, which planner is best at each re-planning interval
 * and forecast, what re-planning gains over planning once (paired by repetition), and every
 * scenario's outcomes — numbers with n and spread, all from the runs' outcomes.
 */
export function simulationReport(config: SimulationConfig, runs: readonly FinishedRun[], profileName: string): string {
  const { scenario } = config;
  const lines: string[] = [];
  const overruns = runs.reduce((sum, finished) => sum + finished.outcome.capacityOverruns, 0);
  lines.push(`# Simulation study ${config.name}`, '');
  if (config.description) lines.push(config.description, '');
  lines.push(
    `${runs.length} simulated runs (${config.repetitions} repetitions per scenario) on ${profileName} from row ${scenario.startHour}: ` +
      `arrivals in hours 0–${scenario.hours - 1}, at most ${scenario.hours + scenario.drainHours} hours, plans made ${scenario.planningHorizonHours} hours ahead; ` +
      `initial experiments ${'set' in scenario.experiments ? scenario.experiments.set : scenario.experiments.file}; shortfall policy "${scenario.shortfall}"; ` +
      `canaries degrade latency by ${scenario.canary.degradation * 100} % when failing and are judged every hour on the last ${scenario.canary.windowHours} hours ` +
      `(one-sided Mann–Whitney p < ${scenario.canary.alpha} and ≥ ${scenario.canary.minimumEffect * 100} % slower, ${scenario.canary.consecutiveFailures} judgements in a row). Base seed ${config.baseSeed}.`,
    '',
    `Realised capacity overruns over all runs: **${overruns}** (must be 0).`,
    '',
    'Time to decision = hours from an experiment\'s arrival to its completion, rollback or under-powered end, weighted by priority; ' +
      'experiments still running at the end count until the end (censored: see `unfinished`). Lower is better. ' +
      'Every planner of a repetition meets the same world (arrivals, defects, metric noise, forecast errors), so differences are paired.',
    '',
  );
  const best = bestAlgorithmRows(runs);
  if (best.some((row) => Number(row.algorithms) > 1)) {
    lines.push('## Which planner is best?', '', '| forecast | arrivals | hazard | re-planning | best (mean ± sd, h) | runner-up (mean ± sd, h) | Mann–Whitney p | n |', '|---|---|---|---|---|---|---|---|');
    for (const row of best) {
      lines.push(`| ${row.forecast} | ${row.arrivals} | ${row.failure_hazard} | ${row.replanning} | ${row.best} ${fixed(row.best_mean_h)} ± ${fixed(row.best_sd_h)} | ${row.runner_up ?? '—'} ${row.runner_up ? `${fixed(row.runner_up_mean_h)} ± ${fixed(row.runner_up_sd_h)}` : ''} | ${row.p_value === undefined ? '—' : fixed(row.p_value, 3)} | ${row.n} |`);
    }
    lines.push('');
  }
  const gains = replanningGainRows(runs);
  if (gains.length > 0) {
    lines.push('## What re-planning gains over planning once', '', 'Gain = plan-once time to decision − re-planned time to decision, per repetition (positive: re-planning decides sooner).', '',
      '| forecast | arrivals | hazard | algorithm | re-planning | plan once (h) | re-planned (h) | gain mean ± sd (h) | better / worse runs | completed +/− | under-powered −/+ |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of gains) {
      lines.push(`| ${row.forecast} | ${row.arrivals} | ${row.failure_hazard} | ${row.algorithm} | ${row.replanning} | ${fixed(row.mean_plan_once_h)} | ${fixed(row.mean_replanned_h)} | ${fixed(row.mean_gain_h)} ± ${fixed(row.sd_gain_h)} | ${row.runs_better} / ${row.runs_worse} of ${row.n} | ${fixed(row.mean_completed_gain, 2)} | ${fixed(row.mean_underpowered_gain, 2)} |`);
    }
    lines.push('');
  }
  lines.push('## Every scenario', '', '| scenario | n | time to decision (h) | completed | rolled back (false) | under-powered (shortfall) | unfinished | detection (h) | blast radius | re-plans | evaluations |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of summaryRows(runs)) {
    lines.push(`| ${row.scenario} | ${row.n} | ${fixed(row.mean_weighted_time_to_decision_h)} ± ${fixed(row.sd_weighted_time_to_decision_h)} | ${fixed(row.mean_completed, 1)} | ${fixed(row.mean_rolled_back, 1)} (${fixed(row.mean_false_rollbacks, 1)}) | ${fixed(row.mean_underpowered, 1)} (${percent(row.mean_shortfall_share)}) | ${fixed(row.mean_unfinished, 1)} | ${fixed(row.mean_mean_detection_h, 1)} | ${scientific(row.mean_blast_radius)} | ${fixed(row.mean_replans, 0)} | ${fixed(row.mean_planner_evaluations, 0)} |`);
  }
  lines.push('', 'Files: simulations.csv (one row per run), experiments.csv, events.csv (the timelines), summary.csv, replanning-gain.csv, best-algorithm.csv; timings.csv holds the wall times (planner compute time).', '');
  return lines.join('\n');
}

function fixed(value: unknown, digits = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function percent(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '—';
}

function scientific(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toExponential(2) : '—';
}
