import { readFileSync } from 'node:fs';
import { resultPaths } from '../output/resultPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { calibrationGaTable, calibrationLocalSearchTable } from './calibrationTables.js';
import { comparisonsTable } from './comparisonsTable.js';
import { gapsTable } from './gapsTable.js';
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
};

/** The tables' CSV texts from the text of trials.csv (their only input). */
export function deriveTables(trialsCsvText: string): Map<string, string> {
  const rows = parseTrialRows(trialsCsvText);
  return new Map(Object.entries(TABLES).map(([name, table]) => [name, table(rows)]));
}

/** Reads <folder>/trials.csv and (re)writes <folder>/tables/*.csv. */
export function writeTables(folder: string): string[] {
  const paths = resultPaths(folder);
  const written: string[] = [];
  for (const [name, text] of deriveTables(readFileSync(paths.trials, 'utf8'))) {
    writeFileAtomically(paths.table(name), text);
    written.push(paths.table(name));
  }
  return written;
}
