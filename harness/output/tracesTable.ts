import type { TrialRecord } from '../run/trialOutcome.js';
import { toCsv } from './csv.js';

/**
 * traces.csv, long format: the convergence curve of every trial. Rows are the curve's change
 * points (plus its first and last step): fill each row forward to the next step to restore
 * the step-by-step curve (GA: best of each generation; LS/SA: current solution per iteration).
 * `evaluations` and `elapsed_ms` are cumulative since the run began (anytime curves per
 * evaluation or per second); both are empty for journals of versions before they were recorded.
 */
export const TRACES_COLUMNS = [
  'trial_id', 'study', 'algorithm', 'experiments', 'ress', 'repetition',
  'step', 'fitness', 'duration_score', 'user_group_score', 'start_score',
  'evaluations', 'elapsed_ms',
] as const;

/** traces.csv's timing column: it differs between runs of the same seed, nothing else may. */
export const TRACE_TIMING_COLUMNS = ['elapsed_ms'] as const;

export function tracesCsv(records: readonly TrialRecord[]): string {
  const rows = records.flatMap(({ trial, trace }) => trace.map(([step, fitness, durationScore, userGroupScore, startScore, evaluations, elapsedMs]) => ({
    trial_id: trial.id,
    study: trial.study,
    algorithm: trial.label ?? trial.algorithm,
    experiments: trial.experiments,
    ress: trial.ress,
    repetition: trial.repetition,
    step,
    fitness,
    duration_score: durationScore,
    user_group_score: userGroupScore,
    start_score: startScore,
    evaluations,
    elapsed_ms: elapsedMs,
  })));
  return toCsv(TRACES_COLUMNS, rows);
}
