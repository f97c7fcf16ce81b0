/**
 * An analysis of one run's trials.csv, beyond the report: per study and algorithm, the successful
 * runs, the mean fitness and the fittest trial (whose schedule best/ keeps). An example to copy.
 *
 *   node --import tsx notebooks/studySummary.ts results/runs/quick
 */
import { join } from 'node:path';
import { mean } from 'simple-statistics';
import { isMainModule } from '../harness/cli/isMainModule.js';
import { groupBy } from '../harness/report/groupBy.js';
import { readTrials, succeeded, type Trial } from '../harness/report/trials.js';

export interface StudySummaryRow {
  readonly study: string;
  readonly kind: string;
  readonly algorithm: string;
  readonly runs: number;
  readonly meanFitness: number;
  readonly bestTrial: string;
}

/** One row per study × algorithm with at least one successful run, in trials.csv's order. */
export function studySummary(trials: readonly Trial[]): StudySummaryRow[] {
  return [...groupBy(trials.filter(succeeded), (trial) => `${trial.study}\u0000${trial.algorithm}`)].map(([, runs]) => {
    const best = runs.reduce((top, trial) => (trial.fitness > top.fitness ? trial : top));
    return { study: runs[0].study, kind: runs[0].kind, algorithm: runs[0].algorithm, runs: runs.length, meanFitness: mean(runs.map((trial) => trial.fitness)), bestTrial: best.trial_id };
  });
}

if (isMainModule(import.meta.url)) {
  const folder = process.argv[2] ?? 'results/runs/quick';
  for (const row of studySummary(readTrials(join(folder, 'trials.csv')))) {
    console.log(`${row.study} (${row.kind})  ${row.algorithm}  n ${row.runs}  mean F ${row.meanFitness.toFixed(4)}  best ${row.bestTrial}`);
  }
}
