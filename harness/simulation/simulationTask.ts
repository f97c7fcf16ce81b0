import { performance } from 'node:perf_hooks';
import type { CsvValue } from '../output/csv.js';
import { runOutcome, type RunOutcome } from './runOutcome.js';
import { parseSimulationConfig, type SimulationConfig } from './simulationConfig.js';
import { loadSimulationInputs, setupOf, type SimulationInputs } from './simulationInputs.js';
import { planSimulationRuns, type SimulationRunSpec } from './simulationPlan.js';
import { eventRows, experimentRows, simulationRow } from './simulationTables.js';
import { simulateRun } from './simulateRun.js';

/** One run of a study, as a worker thread receives it: the config's text (not its path: the file may change meanwhile) and the run's index. */
export interface SimulationTask {
  readonly configText: string;
  readonly configPath: string;
  readonly data?: string;
  readonly index: number;
}

export interface SimulationTaskResult {
  readonly index: number;
  readonly outcome: RunOutcome;
  readonly simulation: Record<string, CsvValue>;
  readonly experiments: Record<string, CsvValue>[];
  readonly events: Record<string, CsvValue>[];
  readonly plannerMs: number;
  readonly runMs: number;
}

interface Loaded {
  readonly key: string;
  readonly config: SimulationConfig;
  readonly runs: readonly SimulationRunSpec[];
  readonly inputs: SimulationInputs;
}

let cache: Loaded | undefined;

/** Runs one simulated run of a study (in a worker thread or in process); the config and its inputs are loaded once per thread. */
export function runSimulationTask(task: SimulationTask): SimulationTaskResult {
  const key = `${task.configPath}\0${task.data ?? ''}\0${task.configText}`;
  if (cache?.key !== key) {
    const { config } = parseSimulationConfig(task.configText, task.configPath);
    cache = { key, config, runs: planSimulationRuns(config, task.configPath), inputs: loadSimulationInputs(config, task.configPath, task.data) };
  }
  const { config, runs, inputs } = cache;
  const run = runs[task.index];
  const started = performance.now();
  const result = simulateRun(setupOf(run, config, inputs));
  const runMs = performance.now() - started;
  const outcome = runOutcome(result);
  return {
    index: task.index,
    outcome,
    simulation: simulationRow(run, outcome),
    experiments: experimentRows(run, result),
    events: eventRows(run, result),
    plannerMs: result.plannerMs,
    runMs,
  };
}
