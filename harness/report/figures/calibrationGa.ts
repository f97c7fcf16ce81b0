/**
 * Figure — GA calibration (spec §11): mean fitness for every population × generations
 * setting as a heat map; the paper chose population 40, generations 90 (outlined).
 */
import type { TopLevelSpec } from 'vega-lite';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { publishedCalibration } from '../publishedFigures.js';
import { groupBy } from '../groupBy.js';
import { roundTo } from '../roundTo.js';
import { summarise } from '../../stats/descriptiveStatistics.js';
import { gaCalibrationTrials, succeeded, type Trial } from '../trials.js';

export interface CalibrationCell {
  readonly population: number;
  readonly generations: number;
  readonly n: number;
  readonly mean: number;
  /** the paper's chosen setting */
  readonly chosen: boolean;
}

export function calibrationCells(trials: readonly Trial[]): CalibrationCell[] {
  const usable = trials.filter((trial) => succeeded(trial) && trial.population !== null && trial.generations !== null);
  return [...groupBy(usable, (trial) => `${trial.population}/${trial.generations}`).values()]
    .map((runs) => {
      const { population, generations } = runs[0];
      return {
        population: population!,
        generations: generations!,
        n: runs.length,
        mean: roundTo(summarise(runs.map((trial) => trial.fitness!)).mean, 4),
        chosen: population === publishedCalibration.population && generations === publishedCalibration.generations,
      };
    })
    .sort((a, b) => a.population - b.population || a.generations - b.generations);
}

export function calibrationGaSpec(cells: readonly CalibrationCell[], subtitle: string): TopLevelSpec {
  const x = { field: 'generations', type: 'ordinal', title: 'Generations', sort: 'ascending', axis: { labelAngle: 0 } } as const;
  const y = { field: 'population', type: 'ordinal', title: 'Population size', sort: 'descending' } as const;
  const midpoint = (Math.min(...cells.map((c) => c.mean)) + Math.max(...cells.map((c) => c.mean))) / 2;
  return themed({
    title: { text: 'GA calibration: mean fitness by population and generations', subtitle },
    data: { values: cells as unknown as Record<string, unknown>[] },
    width: { step: 44 },
    height: { step: 30 },
    layer: [
      {
        mark: 'rect',
        encoding: { x, y, color: { field: 'mean', type: 'quantitative', title: 'Mean fitness', scale: { scheme: 'viridis' }, legend: { format: '.2f' } } },
      },
      {
        // outline the paper's chosen setting
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'rect', fill: null, stroke: '#000000', strokeWidth: 2.5 },
        encoding: { x, y },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x, y,
          text: { field: 'mean', type: 'quantitative', format: '.3f' },
          // dark text on the light (yellow) end of viridis, white on the dark end
          color: { condition: { test: `datum.mean > ${roundTo(midpoint, 6)}`, value: '#000000' }, value: '#ffffff' },
        },
      },
    ],
  } as TopLevelSpec);
}

export const calibrationGaFigure: FigureDefinition = {
  name: 'calibration-ga',
  title: 'GA calibration heat map',
  perStudy: 'calibration',
  async build(results, study) {
    const runs = gaCalibrationTrials(results.trials(), study);
    if (runs.length === 0) return skipped('no GA calibration in this run');
    const cells = calibrationCells(runs);
    if (cells.length === 0) return skipped('no successful GA calibration trial with population and generations');
    const counts = [...new Set(cells.map((c) => c.n))].sort((a, b) => a - b);
    const experiments = [...new Set(runs.map((trial) => trial.experiments))].join(', ');
    const subtitle = `${experiments} experiments; n = ${counts.join('–')} runs per cell; black outline: the paper's choice (${publishedCalibration.population} × ${publishedCalibration.generations})`;
    return figure(calibrationGaSpec(cells, subtitle), 'GA calibration (spec §11): mean fitness of the best schedule for each population size and number of generations.');
  },
};
