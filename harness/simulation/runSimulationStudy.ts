import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { currentCodeVersion } from '../journal/codeVersion.js';
import { toCsv, type CsvValue } from '../output/csv.js';
import { machineFacts } from '../output/manifest.js';
import { runOutcome } from './runOutcome.js';
import type { LoadedSimulationConfig } from './simulationConfig.js';
import { loadSimulationInputs, setupOf } from './simulationInputs.js';
import { planSimulationRuns, type SimulationRunSpec } from './simulationPlan.js';
import { simulationReport } from './simulationReport.js';
import { BEST_COLUMNS, bestAlgorithmRows, GAIN_COLUMNS, replanningGainRows, SUMMARY_COLUMNS, summaryRows, type FinishedRun } from './simulationSummary.js';
import { EVENT_COLUMNS, EXPERIMENT_COLUMNS, eventRows, experimentRows, SIMULATION_COLUMNS, simulationRow, TIMING_COLUMNS } from './simulationTables.js';
import { simulateRun } from './simulateRun.js';

export interface SimulationStudyOptions {
  readonly out: string;
  /** overrides the config's data source */
  readonly data?: string;
  /** called after each run */
  readonly onRun?: (done: number, total: number, run: SimulationRunSpec, seconds: number) => void;
  /** called once the runs are planned */
  readonly onPlan?: (runs: readonly SimulationRunSpec[]) => void;
}

export interface SimulationStudyResult {
  readonly runs: readonly FinishedRun[];
  readonly files: readonly string[];
  readonly seconds: number;
}

/**
 * Runs every simulated run of a config, one after the other, and writes into `out`:
 * simulations.csv (one row per run), experiments.csv and events.csv (per experiment / event of
 * each run), summary.csv, replanning-gain.csv, best-algorithm.csv, report.md — all pure functions of
 * the config, the data and the code, so equal seeds give equal bytes — plus timings.csv (wall
 * times) and simulation.json (provenance: config, data, seeds, code version, machine, times).
 * Every file is written atomically. Every run must end with 0 capacity overruns, else it throws.
 */
export function runSimulationStudy(loaded: LoadedSimulationConfig, options: SimulationStudyOptions): SimulationStudyResult {
  const { config } = loaded;
  const startedAt = new Date();
  const began = performance.now();
  const inputs = loadSimulationInputs(config, loaded.path, options.data);
  const runs = planSimulationRuns(config, loaded.path);
  options.onPlan?.(runs);
  const finished: FinishedRun[] = [];
  const simulationRows: Record<string, CsvValue>[] = [];
  const experiments: Record<string, CsvValue>[] = [];
  const events: Record<string, CsvValue>[] = [];
  const timings: Record<string, CsvValue>[] = [];
  runs.forEach((run, i) => {
    const runStarted = performance.now();
    const result = simulateRun(setupOf(run, config, inputs));
    if (result.capacityOverruns !== 0) throw new Error(`run ${run.id}: ${result.capacityOverruns} realised capacity overruns (must be 0); this is a bug`);
    const outcome = runOutcome(result);
    finished.push({ run, outcome });
    simulationRows.push(simulationRow(run, outcome));
    experiments.push(...experimentRows(run, result));
    events.push(...eventRows(run, result));
    const runMs = performance.now() - runStarted;
    timings.push({ run_id: run.id, planner_ms: round(result.plannerMs), run_ms: round(runMs) });
    options.onRun?.(i + 1, runs.length, run, runMs / 1000);
  });
  const outputs: Record<string, string> = {
    'simulations.csv': toCsv(SIMULATION_COLUMNS, simulationRows),
    'experiments.csv': toCsv(EXPERIMENT_COLUMNS, experiments),
    'events.csv': toCsv(EVENT_COLUMNS, events),
    'summary.csv': toCsv(SUMMARY_COLUMNS, summaryRows(finished)),
    'replanning-gain.csv': toCsv(GAIN_COLUMNS, replanningGainRows(finished)),
    'best-algorithm.csv': toCsv(BEST_COLUMNS, bestAlgorithmRows(finished)),
  };
  outputs['report.md'] = simulationReport(config, finished, inputs.profileName);
  for (const [name, content] of Object.entries(outputs)) writeFileAtomically(join(options.out, name), content);
  writeFileAtomically(join(options.out, 'timings.csv'), toCsv(TIMING_COLUMNS, timings));
  const seconds = (performance.now() - began) / 1000;
  const manifest = {
    kind: 'simulation',
    config: { name: config.name, path: loaded.path, sha256: loaded.sha256, content: JSON.parse(loaded.text) as unknown },
    data: options.data ?? config.data,
    profile: inputs.profileName,
    baseSeed: config.baseSeed,
    runs: runs.length,
    code: currentCodeVersion(),
    ...machineFacts(),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: round(seconds),
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')])),
  };
  writeFileAtomically(join(options.out, 'simulation.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { runs: finished, files: [...Object.keys(outputs), 'timings.csv', 'simulation.json'], seconds };
}

const round = (value: number): number => Math.round(value * 10) / 10;
