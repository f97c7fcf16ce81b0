/**
 * Figure — the paper's main figure: fitness of the best schedule vs the number of
 * experiments, one line per algorithm, one panel per RESS (scaling study, spec §11).
 * Line: mean over the runs of a step; band: min–max over those runs.
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale } from '../algorithmColors.js';
import { runsPerPoint, summariseCells, type CellSummary } from '../cellSummary.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { studyPhrase, succeeded, trialsOf } from '../trials.js';

export const lineLegend = { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } as const;

/** Line + min–max band per algorithm, faceted by RESS. Shared with the runtime figure. */
export function scalingSpec(cells: readonly CellSummary[], options: {
  title: string; subtitle: string; yTitle: string; yScale?: Record<string, unknown>; yFormat?: string;
}): TopLevelSpec {
  // band and line share one legend; its symbols are drawn as opaque strokes, not pale band swatches
  const color = { field: 'algorithm', type: 'nominal', title: 'Algorithm', scale: algorithmColorScale(cells.map((cell) => cell.algorithmName)), legend: lineLegend } as const;
  const x = { field: 'x', type: 'quantitative', title: 'Number of experiments', axis: { tickMinStep: 5 } } as const;
  const y = { type: 'quantitative', title: options.yTitle, scale: options.yScale ?? { zero: false }, axis: options.yFormat ? { format: options.yFormat } : {} } as const;
  return themed({
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: cells as unknown as Record<string, unknown>[] },
    facet: { column: { field: 'ress', type: 'nominal', title: null, sort: ressOrderOf(cells) } },
    spec: {
      width: 260,
      height: 220,
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'min' }, y2: { field: 'max' }, color } },
        { mark: { type: 'line', point: { filled: true, size: 30 } }, encoding: { x, y: { ...y, field: 'mean' }, color } },
      ],
    },
  } as TopLevelSpec);
}

/** Facet order: the cells are already sorted low → high. */
export const ressOrderOf = (cells: readonly { ress: string }[]): string[] => [...new Set(cells.map((cell) => cell.ress))];

export const fitnessScalingFigure: FigureDefinition = {
  name: 'fitness-scaling',
  title: 'Fitness vs number of experiments',
  perStudy: 'scaling',
  async build(results, study) {
    const scaling = trialsOf(results.trials(), 'scaling', study);
    if (scaling.length === 0) return skipped('no scaling study in this run');
    const ok = scaling.filter(succeeded);
    if (ok.length === 0) return skipped('no successful scaling trial');
    const cells = summariseCells(ok, (trial) => trial.experiments, (trial) => trial.fitness);
    const failed = scaling.length - ok.length;
    const subtitle = `Line: mean; band: min–max; ${runsPerPoint(cells)}${failed ? `; ${failed} failed or invalid run${failed === 1 ? '' : 's'} left out` : ''}`;
    return figure(scalingSpec(cells, { title: 'Fitness of the best schedule vs number of experiments', subtitle, yTitle: 'Fitness F (0–1, higher is better)', yFormat: '.2f' }),
      `${studyPhrase('Scaling', 'scaling', study)} (spec §11): fitness of the best schedule found, per algorithm and set size, one panel per RESS level.`);
  },
};
