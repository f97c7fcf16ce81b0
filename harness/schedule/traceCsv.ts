import { stringify } from 'csv-stringify/sync';
import type { TracePoint } from '../../algorithms/algorithm.js';

export const TRACE_COLUMNS = ['step', 'fitness', 'duration_score', 'user_group_score', 'start_score'] as const;

/** The convergence curve as CSV, one row per step (full precision, so reruns compare byte for byte). */
export function formatTraceCsv(trace: readonly TracePoint[]): string {
  return stringify(trace.map((point) => [point.step, point.fitness, point.durationScore, point.userGroupScore, point.startScore]), {
    header: true,
    columns: [...TRACE_COLUMNS],
  });
}
