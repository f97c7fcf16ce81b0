import { mean } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { describe } from '../stats/descriptiveStatistics.js';
import { groupBy } from './groupBy.js';
import type { TrialRow } from './trialRows.js';

const CALIBRATION = 'calibration';

/** calibration-ga.csv: GA population × generations → fitness statistics per study of kind calibration (tidy; pivot for a heat map). */
export function calibrationGaTable(rows: readonly TrialRow[]): string {
  const trials = rows.filter((row) => row.kind === CALIBRATION && row.algorithm === 'genetic');
  const groups = groupBy(trials, (row) => [row.study, row.experiments, row.ress, row.population, row.generations]);
  return toCsv(
    ['study', 'experiments', 'ress', 'population', 'generations', 'n', 'mean_fitness', 'sd_fitness', 'median_fitness', 'mean_runtime_s'],
    groups.map(({ key: [study, experiments, ress, population, generations], items }) => ({
      study, experiments, ress, population, generations, ...fitnessColumns(items),
    })),
  );
}

/** calibration-ls.csv: local search (and SA, if calibrated) iterations → fitness statistics. */
export function calibrationLocalSearchTable(rows: readonly TrialRow[]): string {
  const trials = rows.filter((row) => row.kind === CALIBRATION && row.iterations !== undefined);
  const groups = groupBy(trials, (row) => [row.study, row.algorithm, row.experiments, row.ress, row.iterations]);
  return toCsv(
    ['study', 'algorithm', 'experiments', 'ress', 'iterations', 'n', 'mean_fitness', 'sd_fitness', 'median_fitness', 'mean_runtime_s'],
    groups.map(({ key: [study, algorithm, experiments, ress, iterations], items }) => ({
      study, algorithm, experiments, ress, iterations, ...fitnessColumns(items),
    })),
  );
}

/** n, mean/sd/median fitness and mean runtime of a group of trials (successful ones; `n` counts them). */
export function fitnessColumns(items: readonly TrialRow[]) {
  const successful = items.filter((row) => row.fitness !== undefined);
  const fitness = describe(successful.map((row) => row.fitness!));
  return {
    n: fitness.n,
    mean_fitness: fitness.mean,
    sd_fitness: fitness.sd,
    median_fitness: fitness.median,
    mean_runtime_s: successful.length > 0 ? mean(successful.map((row) => row.runtimeSeconds)) : undefined,
  };
}
