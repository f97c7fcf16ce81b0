/**
 * Figure — how good are the algorithms, against hardness: each algorithm's mean gap to the
 * certified upper bound on every benchmark instance, plotted against the instance's peak load
 * (datasets/benchmark/instanceHardness.ts), one panel per set size. From tables/benchmark.csv.
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale, algorithmLabel, seededBase } from '../algorithmColors.js';
import { BENCHMARK_KIND, readBenchmarkTable, type BenchmarkTableRow } from '../benchmarkSection.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { roundTo } from '../roundTo.js';

/** How an algorithm starts: the paper's random population, the greedy schedule, or it is the constructive greedy. */
export function startOf(algorithm: string): string {
  if (algorithm === 'greedy') return 'constructive';
  return seededBase(algorithm) ? 'greedy start' : 'random start';
}

export interface GapPoint {
  readonly algorithm: string;
  readonly start: string;
  readonly instance: string;
  readonly experiments: string;
  readonly peakLoad: number;
  /** mean gap in percent */
  readonly gap: number;
}

/** One point per algorithm and instance that has a peak load and a gap; gaps to the bound, else to the best known. */
export function gapPoints(rows: readonly BenchmarkTableRow[]): GapPoint[] {
  const toBound = rows.some((row) => row.upper_bound !== null);
  return rows.flatMap((row) => {
    const gap = toBound ? row.mean_gap : row.mean_gap_to_best;
    if (gap === null || row.peak_load === null || row.peak_load <= 0) return [];
    return [{
      algorithm: algorithmLabel(row.algorithm), start: startOf(row.algorithm), instance: `${row.family}/${row.level}`,
      experiments: `${row.experiments} experiments`, peakLoad: roundTo(row.peak_load), gap: roundTo(100 * gap),
    }];
  });
}

export function gapSpec(points: readonly GapPoint[], names: readonly string[], subtitle: string, toBound: boolean): TopLevelSpec {
  const color = { field: 'algorithm', type: 'nominal', title: 'Algorithm', scale: algorithmColorScale(names), legend: { symbolType: 'circle', symbolOpacity: 1 } } as const;
  const x = { field: 'peakLoad', type: 'quantitative', title: 'Peak load at hour 0 (log scale; > 1: not all can start at once)', scale: { type: 'log' } } as const;
  const y = { field: 'gap', type: 'quantitative', title: toBound ? 'Mean gap to the upper bound (%)' : 'Mean gap to the best known (%)' } as const;
  return themed({
    title: { text: toBound ? 'Gap to the certified bound vs instance hardness' : 'Gap to the best known vs instance hardness', subtitle },
    data: { values: points as unknown as Record<string, unknown>[] },
    facet: { column: { field: 'experiments', type: 'nominal', title: null } },
    spec: {
      width: 320,
      height: 240,
      layer: [
        { mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { datum: 1 } } },
        {
          mark: { type: 'point', filled: true, size: 36, opacity: 0.85 },
          encoding: { x, y, color, shape: { field: 'start', type: 'nominal', title: 'Start', scale: { domain: ['random start', 'greedy start', 'constructive'], range: ['circle', 'triangle-up', 'square'] } } },
        },
      ],
    },
  } as TopLevelSpec);
}

export const benchmarkGapsFigure: FigureDefinition = {
  name: 'benchmark-gaps',
  title: 'Gap to the bound vs hardness',
  section: 'benchmark',
  async build(results) {
    if (!results.trials().some((trial) => trial.kind === BENCHMARK_KIND)) return skipped('no benchmark study in this run');
    const rows = readBenchmarkTable(results);
    const points = gapPoints(rows);
    if (points.length === 0) return skipped('tables/benchmark.csv has no gaps with a peak load');
    const toBound = rows.some((row) => row.upper_bound !== null);
    const runs = [...new Set(rows.map((row) => row.n + row.failed))].sort((a, b) => a - b);
    const subtitle = `Point: mean over ${runs.join('–')} runs of one algorithm on one instance (family level × size); shape: how it starts; dashed: peak load 1`;
    return figure(gapSpec(points, [...new Set(rows.map((row) => row.algorithm))], subtitle, toBound),
      `Benchmark study: each algorithm's mean gap ${toBound ? 'to the certified upper bound, (bound − F) / bound' : 'to the best known fitness'} per instance, against the instance's peak load (required minimum traffic at hour 0 ÷ the traffic there, all experiments at their minimum duration).`);
  },
};
