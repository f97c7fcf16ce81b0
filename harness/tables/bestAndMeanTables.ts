import { mean } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { describe } from '../stats/descriptiveStatistics.js';
import { groupBy } from './groupBy.js';
import type { TrialRow } from './trialRows.js';

const COLUMNS = ['study', 'algorithm', 'experiments', 'ress', 'n', 'best', 'mean', 'sd', 'median', 'worst', 'mean_runtime_s'] as const;
/** reevaluation.csv also says how each entry's runs started (reschedule.ts) */
const REEVALUATION_COLUMNS = [...COLUMNS, 'rescheduling_population'] as const;

/** max-fitness.csv: the best fitness each algorithm reaches with a large budget (spec §11), best and mean over runs; one block per study of kind max-fitness. */
export function maxFitnessTable(rows: readonly TrialRow[]): string {
  return bestAndMean(rows.filter((row) => row.kind === 'max-fitness'));
}

/** reevaluation.csv: best and mean fitness of re-scheduling per algorithm (spec §10: GA 0.73 / 0.68, LS 0.69 / 0.50, SA 0.67 / 0.51), per study of kind reevaluation. */
export function reevaluationTable(rows: readonly TrialRow[]): string {
  return bestAndMean(rows.filter((row) => row.kind === 'reevaluation'), true);
}

function bestAndMean(rows: readonly TrialRow[], withPopulation = false): string {
  const groups = groupBy(rows, (row) => [row.study, row.algorithm, row.experiments, row.ress]);
  return toCsv(withPopulation ? REEVALUATION_COLUMNS : COLUMNS, groups.map(({ key: [study, algorithm, experiments, ress], items }) => {
    const successful = items.filter((row) => row.fitness !== undefined);
    const fitness = describe(successful.map((row) => row.fitness!));
    return {
      study, algorithm, experiments, ress,
      n: fitness.n,
      best: fitness.max,
      mean: fitness.mean,
      sd: fitness.sd,
      median: fitness.median,
      worst: fitness.min,
      mean_runtime_s: successful.length > 0 ? mean(successful.map((row) => row.runtimeSeconds)) : undefined,
      ...(withPopulation ? { rescheduling_population: [...new Set(items.map((row) => row.reschedulingPopulation ?? 'sound'))].join(' ') } : {}),
    };
  }));
}
