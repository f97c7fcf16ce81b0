/**
 * Figure — execution time vs number of experiments, per algorithm, one panel per RESS,
 * on a log scale (scaling study; the paper's times are in spec §11).
 */
import { runsPerPoint, summariseCells } from '../cellSummary.js';
import { figure, skipped, type FigureDefinition } from '../figureDefinition.js';
import { studyPhrase, trialsOf, type Trial } from '../trials.js';
import { scalingSpec } from './fitnessScaling.js';

/** Seconds for short runs, minutes (the paper's unit) once a mean passes ten minutes. */
export function timeUnit(maxMilliseconds: number): { name: string; milliseconds: number } {
  return maxMilliseconds > 600_000 ? { name: 'min', milliseconds: 60_000 } : { name: 's', milliseconds: 1000 };
}

export const runtimeScalingFigure: FigureDefinition = {
  name: 'runtime-scaling',
  title: 'Execution time vs number of experiments',
  perStudy: 'scaling',
  async build(results, study) {
    // every run that finished counts, valid or not: it took the time
    const timed = trialsOf(results.trials(), 'scaling', study).filter((trial): trial is Trial & { runtime_ms: number } => trial.error === '' && trial.runtime_ms !== null && trial.runtime_ms > 0);
    if (timed.length === 0) return skipped('no timed scaling trial in this run');
    const unit = timeUnit(Math.max(...timed.map((trial) => trial.runtime_ms)));
    const cells = summariseCells(timed, (trial) => trial.experiments, (trial) => trial.runtime_ms! / unit.milliseconds);
    return figure(scalingSpec(cells, {
      title: 'Execution time vs number of experiments',
      subtitle: `Line: mean; band: min–max; ${runsPerPoint(cells)}; wall-clock time of one run`,
      yTitle: `Execution time (${unit.name}, log scale)`,
      yScale: { type: 'log' },
    }), `${studyPhrase('Scaling', 'scaling', study)} (spec §11): wall-clock time per run on this machine; the paper's times (minutes, other hardware) are in the "paper vs this run" table.`);
  },
};
