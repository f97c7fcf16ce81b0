/**
 * Figure — anytime curves per evaluation: on the hardest level of every benchmark family at
 * the largest set size, the median fitness over the runs after e evaluations, for every
 * algorithm, on a log axis of evaluations (an equal budget makes the x axes comparable: a GA
 * generation and an LS iteration are different units, an evaluation is the same). The dashed
 * line is the instance's certified upper bound. From traces.csv (`evaluations`) and tables/benchmark.csv.
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale, algorithmLabel } from '../algorithmColors.js';
import { BENCHMARK_KIND, readBenchmarkTable, type BenchmarkTableRow } from '../benchmarkSection.js';
import { ConvergenceCollector, logSteps, type ConvergencePoint } from '../convergenceSummary.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { groupBy } from '../groupBy.js';
import { anytimeTracesSchema, forEachTraceRow } from '../traceReader.js';
import { mainStudyOf } from '../trials.js';
import { startOf } from './benchmarkGaps.js';
import { lineLegend } from './fitnessScaling.js';

/** One panel: a benchmark instance. */
export interface AnytimePanel {
  readonly set: string;
  readonly experiments: number;
  /** `family/level, n experiments` */
  readonly title: string;
  readonly upperBound: number | null;
}

/** Per family the last (hardest) level at the largest size, in table order. */
export function anytimePanels(rows: readonly BenchmarkTableRow[]): AnytimePanel[] {
  const largest = Math.max(...rows.map((row) => row.experiments));
  const hardest = new Map<string, BenchmarkTableRow>();
  for (const row of rows) if (row.experiments === largest) hardest.set(row.family, row);
  return [...hardest.values()].map((row) => ({ set: row.set, experiments: row.experiments, title: `${row.family}/${row.level}, ${row.experiments} experiments`, upperBound: row.upper_bound }));
}

export interface AnytimeRow extends ConvergencePoint {
  readonly panel: string;
  readonly label: string;
  readonly start: string;
  /** the panel's certified upper bound (drawn as a rule), null without one */
  readonly bound: number | null;
}

/** What the figure draws of a point: its curve (panel, label, start), where (step, median) and the panel's bound. */
export type DrawnAnytimeRow = Pick<AnytimeRow, 'panel' | 'label' | 'start' | 'step' | 'median' | 'bound'>;

/**
 * The points a step-after line needs: per curve (panel × label × start), the first point, every
 * point whose median differs from the one before, and the last. The line is the same; the spec
 * (inlined in report.html, saved as .vl.json) is not 1 MB of repeated medians and unused quartiles.
 */
export function stepChangePoints(rows: readonly AnytimeRow[]): DrawnAnytimeRow[] {
  const curves = groupBy(rows, (row) => `${row.panel}\u0000${row.label}\u0000${row.start}`);
  const kept: DrawnAnytimeRow[] = [];
  for (const curve of curves.values()) {
    const sorted = [...curve].sort((a, b) => a.step - b.step);
    sorted.forEach((row, i) => {
      if (i === 0 || i === sorted.length - 1 || row.median !== sorted[i - 1].median) {
        kept.push({ panel: row.panel, label: row.label, start: row.start, step: row.step, median: row.median, bound: row.bound });
      }
    });
  }
  return kept;
}

export function anytimeSpec(rows: readonly DrawnAnytimeRow[], panels: readonly AnytimePanel[], names: readonly string[], subtitle: string): TopLevelSpec {
  // each row carries its panel's bound: one rule per panel, no lookup across facets
  const color = { field: 'label', type: 'nominal', title: 'Algorithm', scale: algorithmColorScale(names), legend: lineLegend } as const;
  const last = Math.max(1, ...rows.map((row) => row.step));
  const decades = Array.from({ length: Math.floor(Math.log10(last)) + 1 }, (_, i) => 10 ** i);
  const x = { field: 'step', type: 'quantitative', title: 'Evaluations (log scale)', scale: { type: 'log' }, axis: { values: decades, format: '~s' } } as const;
  return themed({
    title: { text: 'Anytime curves: fitness after e evaluations', subtitle },
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: { field: 'panel', type: 'nominal', title: null, sort: panels.map((panel) => panel.title), columns: 3 },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 240,
      height: 180,
      layer: [
        {
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
          encoding: {
            x, y: { field: 'median', type: 'quantitative', title: 'Median fitness F', scale: { zero: false }, axis: { format: '.2f' } },
            color, strokeDash: { field: 'start', type: 'nominal', title: 'Start', scale: { domain: ['random start', 'greedy start', 'constructive'], range: [[1, 0], [5, 3], [2, 2]] } },
          },
        },
        {
          transform: [{ filter: 'isValid(datum.bound)' }],
          mark: { type: 'rule', color: '#000', strokeDash: [2, 3], opacity: 0.7 },
          encoding: { y: { field: 'bound', type: 'quantitative', aggregate: 'max' } },
        },
      ],
    },
  } as TopLevelSpec);
}

export const benchmarkAnytimeFigure: FigureDefinition = {
  name: 'benchmark-anytime',
  title: 'Anytime curves per evaluation',
  section: 'benchmark',
  async build(results) {
    const study = mainStudyOf(results.trials(), BENCHMARK_KIND);
    if (study === undefined) return skipped('no benchmark study in this run');
    const table = readBenchmarkTable(results);
    const panels = anytimePanels(table);
    const collectors = new Map(panels.map((panel) => [`${panel.set}\u0000${panel.experiments}`, new ConvergenceCollector()]));
    await forEachTraceRow(results.path('traces.csv'), { study }, (row) => {
      collectors.get(`${row.ress}\u0000${row.experiments}`)?.add(row.algorithm, row.trial_id, row.evaluations, row.fitness);
    }, anytimeTracesSchema);
    const rows: AnytimeRow[] = panels.flatMap((panel) => collectors.get(`${panel.set}\u0000${panel.experiments}`)!.summarise(120, logSteps, true)
      .map((point) => ({ ...point, panel: panel.title, label: algorithmLabel(point.algorithm), start: startOf(point.algorithm), bound: panel.upperBound })));
    if (rows.length === 0) return skipped('traces.csv has no benchmark curves with evaluations');
    const runs = [...new Set(rows.map((row) => row.n))].sort((a, b) => a - b);
    const subtitle = `Line: median over ${runs.join('–')} runs (a run counts from its first point on); dashed black: certified upper bound; solid: random start, dashed: greedy start, dotted: the greedy itself`;
    return figure(anytimeSpec(stepChangePoints(rows), panels, [...new Set(table.map((row) => row.algorithm))], subtitle),
      'Benchmark study, the hardest level of each family at the largest size: median fitness of the solution each algorithm traces (best so far; LS/SA: current) after e evaluations. The greedy is one point, drawn on to the budget.');
  },
};
