import { readFileSync } from 'node:fs';
import { resultPaths } from '../output/resultPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { calibrationGaTable, calibrationLocalSearchTable } from './calibrationTables.js';
import { BENCHMARK_KIND, benchmarkTables } from './benchmarkTables.js';
import { benchmarkTraces } from './benchmarkTraces.js';
import { comparisonsTable } from './comparisonsTable.js';
import { gaAdvantageTable } from './gaAdvantage.js';
import { gapsTable } from './gapsTable.js';
import { pairwiseTable, winTieLossTable } from './pairwiseTables.js';
import { friedmanTable, ranksTable } from './rankTables.js';
import { maxFitnessTable, reevaluationTable } from './bestAndMeanTables.js';
import { sensitivityTable } from './sensitivityTable.js';
import { fitnessTable, runtimeTable } from './summaryTables.js';
import { parseTrialRows, type TrialRow } from './trialRows.js';

/** Every table of tables/, by file name (without .csv). */
export const TABLES: Readonly<Record<string, (rows: readonly TrialRow[]) => string>> = {
  fitness: fitnessTable,
  runtime: runtimeTable,
  'calibration-ga': calibrationGaTable,
  'calibration-ls': calibrationLocalSearchTable,
  'max-fitness': maxFitnessTable,
  reevaluation: reevaluationTable,
  sensitivity: sensitivityTable,
  comparisons: comparisonsTable,
  gaps: gapsTable,
  pairwise: pairwiseTable,
  'win-tie-loss': winTieLossTable,
  friedman: friedmanTable,
  ranks: ranksTable,
  'ga-advantage': gaAdvantageTable,
};

/**
 * The tables' CSV texts from the text of trials.csv (their only input) — and, when the results
 * hold a benchmark study, its tables (benchmarkTables.ts), which also read the benchmark trials'
 * curves from traces.csv (`tracesCsvText`, read only then) for the time to reach the target.
 */
export function deriveTables(trialsCsvText: string, tracesCsvText?: () => string): Map<string, string> {
  const rows = parseTrialRows(trialsCsvText);
  const tables = new Map(Object.entries(TABLES).map(([name, table]) => [name, table(rows)]));
  // a config holds at most one benchmark study (studyConfig.ts): its traces are those of that study's name
  const benchmark = rows.find((row) => row.kind === BENCHMARK_KIND);
  if (benchmark) {
    const traces = tracesCsvText ? benchmarkTraces(tracesCsvText(), benchmark.study) : new Map();
    for (const [name, text] of benchmarkTables(rows, traces)) tables.set(name, text);
  }
  return tables;
}

/** Reads <folder>/trials.csv (and traces.csv for a benchmark study) and (re)writes <folder>/tables/*.csv. */
export function writeTables(folder: string): string[] {
  const paths = resultPaths(folder);
  const written: string[] = [];
  for (const [name, text] of deriveTables(readFileSync(paths.trials, 'utf8'), () => readFileSync(paths.traces, 'utf8'))) {
    writeFileAtomically(paths.table(name), text);
    written.push(paths.table(name));
  }
  return written;
}
