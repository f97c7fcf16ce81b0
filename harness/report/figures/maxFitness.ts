/**
 * Figure — maximum fitness (spec §11): 15 medium-RESS experiments, GA with 150
 * generations, LS/SA 5000 iterations, 20 runs; final fitness per algorithm as boxplots.
 */
import { figure, skipped, type FigureDefinition } from '../figureDefinition.js';
import { studyPhrase, succeeded, trialsOf } from '../trials.js';
import { fitnessBoxplotSpec, fitnessPoints, runsPerAlgorithm } from './fitnessBoxplot.js';

export const maxFitnessFigure: FigureDefinition = {
  name: 'max-fitness',
  title: 'Maximum fitness',
  perStudy: 'max-fitness',
  async build(results, study) {
    const runs = trialsOf(results.trials(), 'max-fitness', study);
    if (runs.length === 0) return skipped('no maximum-fitness study in this run');
    const ok = runs.filter(succeeded);
    if (ok.length === 0) return skipped('no successful maximum-fitness trial');
    const points = fitnessPoints(ok);
    const experiments = [...new Set(runs.map((trial) => trial.experiments))].join(', ');
    const failed = runs.length - ok.length;
    return figure(fitnessBoxplotSpec(points, ok.map((trial) => trial.algorithm), {
      title: 'Maximum fitness with a large search budget',
      subtitle: `${experiments} experiments; ${runsPerAlgorithm(points)}${failed ? `; ${failed} failed or invalid left out` : ''}; whiskers: 1.5 × IQR`,
    }), `${studyPhrase('Maximum-fitness', 'max-fitness', study)} (spec §11): final fitness of each run with the enlarged budget.`);
  },
};
