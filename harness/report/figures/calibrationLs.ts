/**
 * Figure — local-search calibration (spec §11): fitness vs number of iterations
 * (mean line, min–max band), per algorithm calibrated (LS, and SA if the run has it).
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale } from '../algorithmColors.js';
import { runsPerPoint, summariseCells, type CellSummary } from '../cellSummary.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { lsCalibrationTrials, succeeded } from '../trials.js';
import { lineLegend } from './fitnessScaling.js';

export function calibrationLsSpec(cells: readonly CellSummary[], subtitle: string): TopLevelSpec {
  const color = { field: 'algorithm', type: 'nominal', title: 'Algorithm', scale: algorithmColorScale(cells.map((c) => c.algorithmName)), legend: lineLegend } as const;
  const x = { field: 'x', type: 'quantitative', title: 'Iterations' } as const;
  return themed({
    title: { text: 'Local-search calibration: fitness vs iterations', subtitle },
    data: { values: cells as unknown as Record<string, unknown>[] },
    width: 420,
    height: 240,
    layer: [
      { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'min', type: 'quantitative', title: 'Fitness F (0–1)', scale: { zero: false } }, y2: { field: 'max' }, color } },
      { mark: { type: 'line', point: { filled: true, size: 25 } }, encoding: { x, y: { field: 'mean', type: 'quantitative', axis: { format: '.2f' } }, color } },
    ],
  } as TopLevelSpec);
}

export const calibrationLsFigure: FigureDefinition = {
  name: 'calibration-ls',
  title: 'Local-search calibration curve',
  perStudy: 'calibration',
  async build(results, study) {
    const runs = lsCalibrationTrials(results.trials(), study);
    if (runs.length === 0) return skipped('no local-search calibration in this run');
    const cells = summariseCells(runs.filter(succeeded), (trial) => trial.iterations, (trial) => trial.fitness);
    if (cells.length === 0) return skipped('no successful local-search calibration trial with an iteration count');
    const experiments = [...new Set(runs.map((trial) => trial.experiments))].join(', ');
    return figure(calibrationLsSpec(cells, `${experiments} experiments; line: mean; band: min–max; ${runsPerPoint(cells)}`),
      'Local-search calibration (spec §11): fitness of the best schedule after a given number of iterations.');
  },
};
