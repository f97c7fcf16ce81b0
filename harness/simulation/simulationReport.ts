import { markdownTable } from '../report/markdownTable.js';
import type { SimulationConfig } from './simulationConfig.js';
import type { CsvValue } from '../output/csv.js';
import type { SimulationFigure } from './figures/simulationFigures.js';
import { bestAlgorithmRows, replanningGainRows, summaryRows, type FinishedRun } from './simulationSummary.js';

type Row = Record<string, CsvValue>;

/** Where a report came from: what simulation.json records in full, in one line of the report. */
export interface ReportProvenance {
  readonly configPath: string;
  readonly configSha256: string;
  /** the checkout's commit (null outside git) and whether the tree had changes */
  readonly commit: string | null;
  readonly dirty: boolean | null;
  /** the simulator's code version (simulationCodeVersion) */
  readonly simulationCode: string;
}

/**
 * report.md of a simulation study: the set-up, which planner is best at each re-planning interval
 * and forecast, what re-planning gains over planning once (paired by repetition), and every
 * scenario's outcomes — numbers with n and spread, all from the runs' outcomes.
 */
export function simulationReport(config: SimulationConfig, runs: readonly FinishedRun[], profileName: string, figures: readonly SimulationFigure[] = [], provenance?: ReportProvenance): string {
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
    ...(provenance ? [provenanceLine(provenance), ''] : []),
    'Time to decision = hours from an experiment\'s arrival to its completion, rollback or under-powered end, weighted by priority; ' +
      'experiments still running at the end count until the end (censored: see `unfinished`). Lower is better. ' +
      'Every planner of a repetition meets the same world (arrivals, defects, metric noise, forecast errors), so differences are paired.',
    '',
  );
  const best = bestAlgorithmRows(runs);
  if (best.some((row) => Number(row.algorithms) > 1)) lines.push(...bestPlannerSection(best));
  const gains = replanningGainRows(runs);
  if (gains.length > 0) lines.push(...replanningGainSection(gains));
  if (figures.length > 0) {
    lines.push('## Figures', '');
    for (const figure of figures) {
      if (figure.skipped) lines.push(`**${figure.title}** — not drawn: ${figure.skipped}.`, '');
      else lines.push(`**${figure.title}** (figures/${figure.name}.svg, .png, .pdf, .vl.json)`, '', `![${figure.title}](figures/${figure.name}.png)`, '', figure.caption ?? '', '');
    }
  }
  lines.push('## Every scenario', '', markdownTable(
    ['scenario', 'n', 'time to decision (h)', 'completed', 'rolled back (false)', 'under-powered (shortfall)', 'unfinished', 'detection (h)', 'blast radius', 're-plans', 'evaluations'],
    summaryRows(runs).map((row) => [
      String(row.scenario), String(row.n), `${fixed(row.mean_weighted_time_to_decision_h)} ± ${fixed(row.sd_weighted_time_to_decision_h)}`, fixed(row.mean_completed, 1),
      `${fixed(row.mean_rolled_back, 1)} (${fixed(row.mean_false_rollbacks, 1)})`, `${fixed(row.mean_underpowered, 1)} (${percent(row.mean_shortfall_share)})`, fixed(row.mean_unfinished, 1),
      fixed(row.mean_mean_detection_h, 1), scientific(row.mean_blast_radius), fixed(row.mean_replans, 0), fixed(row.mean_planner_evaluations, 0),
    ]),
  ));
  lines.push('', 'Files: simulations.csv (one row per run), experiments.csv, events.csv (the timelines), summary.csv, replanning-gain.csv, best-algorithm.csv; timings.csv holds the wall times (planner compute time).', '');
  return lines.join('\n');
}

/** "Which planner is best?": a count of the cells each algorithm wins (and how often clearly), then every cell. */
function bestPlannerSection(best: readonly Row[]): string[] {
  const lines = ['## Which planner is best?', ''];
  const compared = best.filter((row) => Number(row.algorithms) > 1);
  const wins = new Map<string, { cells: number; clear: number }>();
  for (const row of compared) {
    const entry = wins.get(String(row.best)) ?? { cells: 0, clear: 0 };
    entry.cells++;
    if (typeof row.wilcoxon_p === 'number' && row.wilcoxon_p < 0.05) entry.clear++;
    wins.set(String(row.best), entry);
  }
  const pairs = [...new Set(compared.map((row) => row.pairs))].join(' or ');
  lines.push(
    `Over ${compared.length} cells (forecast × arrivals × hazard × re-planning policy), the planner with the lowest mean priority-weighted time to decision is ` +
      [...wins.entries()].sort((a, b) => b[1].cells - a[1].cells).map(([algorithm, entry]) => `**${algorithm}** in ${entry.cells} (its lead over the runner-up with Wilcoxon p < 0.05 in ${entry.clear})`).join(', ') +
      `. Leads are paired by repetition (${pairs} pairs per cell): runner-up − best, hours, with a 95 % bootstrap interval of the mean lead.`,
    '',
    markdownTable(
      ['forecast', 'arrivals', 'hazard', 're-planning', 'ranking (lowest time first)', 'best: mean ± sd (h)', 'runner-up: mean ± sd (h)', 'lead (h) [95 % CI]', 'best ahead / behind', 'Wilcoxon p'],
      best.map((row) => [
        String(row.forecast), String(row.arrivals), String(row.failure_hazard), String(row.replanning), String(row.ranking), `${row.best} ${fixed(row.best_mean_h)} ± ${fixed(row.best_sd_h)}`,
        row.runner_up ? `${row.runner_up} ${fixed(row.runner_up_mean_h)} ± ${fixed(row.runner_up_sd_h)}` : '—', `${signed(row.mean_lead_h)} ${interval(row.lead_ci_low_h, row.lead_ci_high_h)}`,
        row.runner_up ? `${row.runs_ahead} / ${row.runs_behind} of ${row.pairs}` : '—', pValue(row.wilcoxon_p),
      ]),
    ),
  );
  lines.push('');
  return lines;
}

/** "What re-planning gains": per algorithm and policy, the paired gain over planning once in every forecast × arrivals × hazard cell, then the full rows. */
function replanningGainSection(gains: readonly Row[]): string[] {
  const lines = ['## What re-planning gains over planning once', ''];
  const column = (row: Row) => `${row.forecast}, ${row.arrivals}${gains.some((other) => other.failure_hazard !== gains[0].failure_hazard) ? `, hazard ${row.failure_hazard}` : ''}`;
  const columns = [...new Set(gains.map(column))];
  const rowKey = (row: Row) => `${row.algorithm} | ${row.replanning}`;
  const rowKeys = [...new Set(gains.map(rowKey))];
  const cell = new Map(gains.map((row) => [`${rowKey(row)}|${column(row)}`, row]));
  const clear = (row: Row) => typeof row.wilcoxon_p === 'number' && row.wilcoxon_p < 0.05;
  const better = gains.filter((row) => clear(row) && Number(row.mean_gain_h) > 0);
  const worse = gains.filter((row) => clear(row) && Number(row.mean_gain_h) < 0);
  lines.push(
    'Gain = time to decision when planned once − when re-planned, paired by repetition (the same world); positive: re-planning decides sooner. ' +
      `Each cell: mean gain in hours [95 % bootstrap interval of the mean], n = ${[...new Set(gains.map((row) => row.n))].join(' or ')} pairs; ` +
      '\\* Wilcoxon signed-rank p < 0.05. `plan-once` keeps its first plan and inserts arrivals, fixes and extensions into it at once; ' +
      '`on-events` makes a full plan at every arrival, rollback and shortfall only; `replan<k>` a full plan every k hours, an arrival waiting for the next one; `+events` both.',
    '',
    `Of ${gains.length} comparisons, re-planning decides sooner than planning once with Wilcoxon p < 0.05 in ${better.length}` +
      (better.length > 0 ? ` (${summariseCells(better)})` : '') + `, later with p < 0.05 in ${worse.length}` +
      (worse.length > 0 ? ` (${summariseCells(worse)})` : '') + `; the other ${gains.length - better.length - worse.length} show no clear difference.`,
    '',
    markdownTable(['algorithm', 're-planning', ...columns], rowKeys.map((key) => {
      const [algorithm, replanning] = key.split(' | ');
      return [algorithm, replanning, ...columns.map((name) => {
        const row = cell.get(`${key}|${name}`);
        return row ? `${signed(row.mean_gain_h)} ${interval(row.gain_ci_low_h, row.gain_ci_high_h)}${typeof row.wilcoxon_p === 'number' && row.wilcoxon_p < 0.05 ? ' \\*' : ''}` : '—';
      })];
    })),
  );
  lines.push('', 'Every comparison in full (replanning-gain.csv):', '', markdownTable(
    ['forecast', 'arrivals', 'hazard', 'algorithm', 're-planning', 'plan once (h)', 're-planned (h)', 'gain mean ± sd (h)', 'better / worse runs', 'Wilcoxon p', 'completed once → re-planned', 'under-powered once → re-planned'],
    gains.map((row) => [
      String(row.forecast), String(row.arrivals), String(row.failure_hazard), String(row.algorithm), String(row.replanning), fixed(row.mean_plan_once_h), fixed(row.mean_replanned_h),
      `${signed(row.mean_gain_h)} ± ${fixed(row.sd_gain_h)}`, `${row.runs_better} / ${row.runs_worse} of ${row.n}`, pValue(row.wilcoxon_p),
      `${fixed(row.mean_completed_plan_once, 1)} → ${fixed(row.mean_completed_replanned, 1)}`, `${fixed(row.mean_underpowered_plan_once, 2)} → ${fixed(row.mean_underpowered_replanned, 2)}`,
    ]),
  ));
  lines.push('');
  return lines;
}

/** "greedy: 4, genetic: 2": how many of the rows each algorithm has. */
function summariseCells(rows: readonly Row[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row.algorithm), (counts.get(String(row.algorithm)) ?? 0) + 1);
  return [...counts.entries()].map(([algorithm, count]) => `${algorithm} ${count}`).join(', ');
}

function signed(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const shown = Math.abs(value).toFixed(digits);
  // no sign on a value that rounds to zero ("−0.0" would claim a direction the digits do not show)
  return Number(shown) === 0 ? shown : `${value > 0 ? '+' : '−'}${shown}`;
}

function interval(low: unknown, high: unknown): string {
  return typeof low === 'number' && typeof high === 'number' ? `[${signed(low)}, ${signed(high)}]` : '';
}

function pValue(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
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

function provenanceLine(provenance: ReportProvenance): string {
  const commit = provenance.commit === null ? 'outside git' : `commit ${provenance.commit.slice(0, 12)}${provenance.dirty ? ' with uncommitted changes' : ''}`;
  return `Made at ${commit} (simulator code ${provenance.simulationCode}) from \`${provenance.configPath}\` (sha256 ${provenance.configSha256.slice(0, 12)}); ` +
    `the same command — \`npm run replicate -- --config ${provenance.configPath}\` — gives these bytes again. Everything else is in simulation.json.`;
}
