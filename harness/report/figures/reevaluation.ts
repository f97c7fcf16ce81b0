/**
 * Figure — re-evaluation (spec §10): re-scheduling at hour 72 after cancelling three
 * experiments and adding five; final fitness per algorithm as boxplots, with the paper's
 * published best and mean marked.
 */
import { algorithmLabel } from '../algorithmColors.js';
import { figure, skipped, type FigureDefinition } from '../figureDefinition.js';
import { publishedReevaluation } from '../publishedFigures.js';
import { studyPhrase, succeeded, trialsOf } from '../trials.js';
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
  perStudy: 'reevaluation',
  async build(results, study) {
    const runs = trialsOf(results.trials(), 'reevaluation', study);
    if (runs.length === 0) return skipped('no re-evaluation study in this run');
    const ok = runs.filter(succeeded);
    if (ok.length === 0) return skipped('no successful re-evaluation trial');
    const points = fitnessPoints(ok);
    const algorithms = [...new Set(ok.map((trial) => trial.algorithm))];
    const setting = restartSetting(results, runs[0].study);
    const paperData = results.manifest().dataSpec?.startsWith('fenrir') ?? false;
    const hour = setting?.hour ?? '?';
    const discarded = setting?.discardIds.length ? `experiments ${setting.discardIds.join(', ')} discarded` : 'nothing discarded';
    const caption = paperData
      ? `${studyPhrase('Re-evaluation', 'reevaluation', study)} (spec §10) on the paper's data: its saved 30-experiment GA schedule re-scheduled at t = ${hour}, ${discarded}, the package's new experiments added. The black marks are the paper's results on the same problem.`
      : `${studyPhrase('Re-evaluation', 'reevaluation', study)} (spec §10) on ${results.manifest().dataSpec ?? 'unknown'} data: a GA schedule made by this run (the study's restart.baseSchedule, on its first size and RESS) — not the paper's saved schedule — re-scheduled at t = ${hour}, ${discarded}, the built-in new experiments added. The black marks are the paper's results on its own problem, shown for scale, not as a target.`;
    return figure(fitnessBoxplotSpec(points, algorithms, {
      title: `Re-evaluation: fitness after re-scheduling at hour ${hour}`,
      subtitle: `${runsPerAlgorithm(points)}; black marks: the paper's best and mean (${publishedReevaluation.section}, ${publishedReevaluation.runs} runs${paperData ? '' : ', on its own data'})`,
      references: publishedReevaluationMarks(algorithms),
    }), caption);
  },
};

/** A re-evaluation study's restart settings from the config the manifest embeds (undefined when it does not). */
function restartSetting(results: Parameters<FigureDefinition['build']>[0], study: string): { hour: number; discardIds: number[] } | undefined {
  const content = (results.manifest().raw.config as { content?: { studies?: { name?: string; restart?: { hour?: unknown; discardIds?: unknown } }[] } } | undefined)?.content;
  const restart = content?.studies?.find((entry) => entry.name === study)?.restart;
  if (!restart || typeof restart.hour !== 'number') return undefined;
  return { hour: restart.hour, discardIds: Array.isArray(restart.discardIds) ? restart.discardIds.filter((id): id is number => typeof id === 'number') : [] };
}
