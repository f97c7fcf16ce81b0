import type { TrialRecord } from '../run/trialOutcome.js';
import { toCsv } from './csv.js';

/**
 * traces.csv, long format: the convergence curve of every trial. Rows are the curve's change
 * points (plus its first and last step): fill each row forward to the next step to restore
 * the step-by-step curve (GA: best of each generation; LS/SA: current solution per iteration).
 */
export const TRACES_COLUMNS = [
  'trial_id', 'study', 'algorithm', 'experiments', 'ress', 'repetition',
  'step', 'fitness', 'duration_score', 'user_group_score', 'start_score',
] as const;

export function tracesCsv(records: readonly TrialRecord[]): string {
  const rows = records.flatMap(({ trial, trace }) => trace.map(([step, fitness, durationScore, userGroupScore, startScore]) => ({
    trial_id: trial.id,
    study: trial.study,
    algorithm: trial.algorithm,
    experiments: trial.experiments,
    ress: trial.ress,
    repetition: trial.repetition,
    step,
    fitness,
    duration_score: durationScore,
    user_group_score: userGroupScore,
    start_score: startScore,
  })));
  return toCsv(TRACES_COLUMNS, rows);
}
