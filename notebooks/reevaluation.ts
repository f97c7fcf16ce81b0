/**
 * Notebook — re-evaluation (spec §10): re-scheduling at hour 72 after cancelling three
 * experiments and adding five; final fitness per algorithm as boxplots, with the paper's
 * published best and mean marked.
 */
import { algorithmLabel } from '../harness/report/algorithmColors.js';
import { figure, skipped, type FigureDefinition } from '../harness/report/figureDefinition.js';
import { publishedReevaluation } from '../harness/report/publishedFigures.js';
import { succeeded, trialsOf } from '../harness/report/trials.js';
import { fitnessBoxplotSpec, fitnessPoints, runsPerAlgorithm, type ReferenceMark } from './fitnessBoxplot.js';

/** The paper's best and mean per algorithm, for the algorithms this run has. */
export function publishedReevaluationMarks(algorithms: readonly string[]): ReferenceMark[] {
  return algorithms.flatMap((algorithm) => {
    const published = publishedReevaluation.fitness[algorithm];
    if (!published) return [];
    return [
      { algorithm: algorithmLabel(algorithm), statistic: 'best', value: published.best },
      { algorithm: algorithmLabel(algorithm), statistic: 'mean', value: published.mean },
    ];
  });
}

export const reevaluationFigure: FigureDefinition = {
  name: 'reevaluation',
  title: 'Re-evaluation',
  async build(results) {
    const runs = trialsOf(results.trials(), 'reevaluation');
    if (runs.length === 0) return skipped('no re-evaluation study in this run');
    const ok = runs.filter(succeeded);
    if (ok.length === 0) return skipped('no successful re-evaluation trial');
    const points = fitnessPoints(ok);
    const algorithms = [...new Set(ok.map((trial) => trial.algorithm))];
    return figure(fitnessBoxplotSpec(points, algorithms, {
      title: 'Re-evaluation: fitness after re-scheduling at hour 72',
      subtitle: `${runsPerAlgorithm(points)}; black marks: the paper's best and mean (${publishedReevaluation.section}, ${publishedReevaluation.runs} runs)`,
      references: publishedReevaluationMarks(algorithms),
    }), 'Re-evaluation study (spec §10): the saved 30-experiment schedule re-scheduled at t = 72 with experiments 4, 21, 28 discarded and 51–55 added.');
  },
};
