import { mean } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { fitnessColumns } from './calibrationTables.js';
import { groupBy } from './groupBy.js';
import type { TrialRow } from './trialRows.js';


/**
 * sensitivity.csv: per study of kind sensitivity, algorithm, set and grid setting, the fitness statistics (as the
 * calibration tables) and the mean of each score (a sweep that moves fitness usually moves one
 * score: the means show which).
 */
export function sensitivityTable(rows: readonly TrialRow[]): string {
  const trials = rows.filter((row) => row.kind === 'sensitivity');
  const groups = groupBy(trials, (row) => [row.study, row.algorithm, row.experiments, row.ress, row.grid ?? '']);
  return toCsv(
    ['study', 'algorithm', 'experiments', 'ress', 'setting', 'n', 'mean_fitness', 'sd_fitness', 'median_fitness',
      'mean_duration_score', 'mean_user_group_score', 'mean_start_score', 'mean_runtime_s'],
    groups.map(({ key: [study, algorithm, experiments, ress, setting], items }) => {
      const successful = items.filter((row) => row.fitness !== undefined);
      const meanOf = (pick: (row: TrialRow) => number | undefined) => {
        const values = successful.map(pick).filter((value): value is number => value !== undefined);
        return values.length > 0 ? mean(values) : undefined;
      };
      return {
        study, algorithm, experiments, ress, setting,
        ...fitnessColumns(items),
        mean_duration_score: meanOf((row) => row.durationScore),
        mean_user_group_score: meanOf((row) => row.userGroupScore),
        mean_start_score: meanOf((row) => row.startScore),
      };
    }),
  );
}
