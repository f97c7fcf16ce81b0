import type { FinishedRun } from './simulationSummary.js';

/** A run whose executed fractions summed to more than 100 % in some service × group × hour cells. */
export interface OverrunRun {
  readonly id: string;
  readonly overruns: number;
}

/** The runs of a study with realised capacity overruns, in plan order (none: the study holds). */
export function runsWithOverruns(runs: readonly FinishedRun[]): OverrunRun[] {
  return runs.filter((finished) => finished.outcome.capacityOverruns !== 0).map((finished) => ({ id: finished.run.id, overruns: finished.outcome.capacityOverruns }));
}

/**
 * A study whose runs overran capacity: a bug of the simulator or a planner (forecast errors change
 * volumes, never fractions). One line per run, so the CLI can print them as they are.
 */
export class CapacityOverrunError extends Error {
  override readonly name = 'CapacityOverrunError';

  constructor(readonly runs: readonly OverrunRun[], readonly total: number, readonly out: string) {
    super([
      ...runs.map((run) => `run ${run.id}: ${run.overruns} realised capacity overrun${run.overruns === 1 ? '' : 's'} (service × group × hour cells above 100 %; must be 0)`),
      `${runs.length} of ${total} simulated runs overran capacity; the outputs are written to ${out} for inspection (events.csv, experiments.csv), but the study does not hold`,
    ].join('\n'));
  }
}

/** Throws CapacityOverrunError naming every run with an overrun; the study's invariant (issue 16: 0 in every run). */
export function assertNoCapacityOverruns(runs: readonly FinishedRun[], out: string): void {
  const overrun = runsWithOverruns(runs);
  if (overrun.length > 0) throw new CapacityOverrunError(overrun, runs.length, out);
}
