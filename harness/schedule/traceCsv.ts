import { stringify } from 'csv-stringify/sync';
import type { TracePoint } from '../../algorithms/algorithm.js';

export const TRACE_COLUMNS = ['step', 'fitness', 'duration_score', 'user_group_score', 'start_score', 'evaluations'] as const;

/**
 * The convergence curve as CSV, one row per step, with the cumulative evaluations (full
 * precision and no wall time, so reruns compare byte for byte; run.json has the timings).
 */
export function formatTraceCsv(trace: readonly TracePoint[]): string {
  return stringify(trace.map((point) => [point.step, point.fitness, point.durationScore, point.userGroupScore, point.startScore, point.evaluations]), {
    header: true,
    columns: [...TRACE_COLUMNS],
  });
}
