import type { TracePoint } from '../../algorithms/algorithm.js';
import type { TraceRow } from './trialOutcome.js';

/**
 * Run-length compression of a convergence curve: keeps the first and the last point and every
 * point whose scores differ from the previous one. A curve is a step function, so filling each
 * step forward restores it exactly; LS/SA curves of thousands of flat iterations shrink to their
 * changes. A kept point's evaluations and elapsed time are those of the step that first reached
 * its scores, so "evaluations until fitness ≥ x" reads off the compacted curve exactly.
 */
export function compactTrace(trace: readonly TracePoint[]): TraceRow[] {
  const rows: TraceRow[] = [];
  trace.forEach((point, i) => {
    const previous = trace[i - 1];
    const changed = !previous || previous.fitness !== point.fitness || previous.durationScore !== point.durationScore ||
      previous.userGroupScore !== point.userGroupScore || previous.startScore !== point.startScore;
    if (changed || i === trace.length - 1) {
      rows.push([point.step, point.fitness, point.durationScore, point.userGroupScore, point.startScore, point.evaluations, roundMs(point.elapsedMs)]);
    }
  });
  return rows;
}

/** Microsecond resolution, as runtime_ms in trials.csv. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
