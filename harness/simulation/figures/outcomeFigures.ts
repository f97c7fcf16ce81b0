import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale, algorithmLabel } from '../../report/algorithmColors.js';
import { themed } from '../../report/figureDefinition.js';
import { describe } from '../../stats/descriptiveStatistics.js';
import { labelOf } from '../simulationConfig.js';
import { arrivalsLabel, forecastLabel, replanningLabel, type SimulationRunSpec } from '../simulationPlan.js';
import type { RunOutcome } from '../runOutcome.js';
import type { FinishedRun } from '../simulationSummary.js';

/** The outcomes the figures show, each a panel row (lower is better for both). */
export const FIGURE_OUTCOMES = [
  { key: 'weighted', title: 'Priority-weighted time to decision (h)', value: (outcome: RunOutcome) => outcome.weightedTimeToDecision, count: false },
  { key: 'underpowered', title: 'Under-powered experiments per run', value: (outcome: RunOutcome) => outcome.underpowered, count: true },
] as const;

/** One scenario's outcome over its repetitions: the mean and mean ± sd (the spread of the runs). */
export interface OutcomePoint {
  readonly outcome: string;
  readonly forecast: string;
  readonly arrivals: string;
  readonly hazard: number;
  readonly replanning: string;
  readonly algorithm: string;
  readonly n: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Per scenario and outcome, mean and mean ± sd over its repetitions (NaN outcomes left out), in plan order. */
export function outcomePoints(runs: readonly FinishedRun[]): OutcomePoint[] {
  const groups = new Map<string, { run: SimulationRunSpec; outcomes: RunOutcome[] }>();
  for (const { run, outcome } of runs) {
    const group = groups.get(run.scenario) ?? { run, outcomes: [] };
    group.outcomes.push(outcome);
    groups.set(run.scenario, group);
  }
  const points: OutcomePoint[] = [];
  for (const { run, outcomes } of groups.values()) {
    for (const measure of FIGURE_OUTCOMES) {
      const stats = describe(outcomes.map(measure.value).filter((value) => Number.isFinite(value)));
      if (stats.mean === undefined) continue;
      const sd = stats.sd ?? 0;
      points.push({
        outcome: measure.title,
        forecast: forecastLabel(run.forecast),
        arrivals: arrivalsLabel(run.arrivals),
        hazard: run.failureHazard,
        replanning: replanningLabel(run.replanEveryHours, run.replanOnEvents),
        algorithm: algorithmLabel(labelOf(run.algorithm)),
        n: stats.n,
        mean: round(stats.mean),
        low: round(stats.mean - sd),
        high: round(stats.mean + sd),
      });
    }
  }
  return points;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * A grid of panels: one row per outcome × arrivals (× hazard when the study sweeps it), one column
 * per value of `column`, `x` on the x axis with the algorithms side by side (xOffset); a dot at the
 * mean, a whisker from mean − sd to mean + sd. Rows have their own y scale, columns of a row share it.
 */
function outcomeGrid(points: readonly OutcomePoint[], algorithms: readonly string[], options: {
  title: string; subtitle: string; x: 'replanning' | 'forecast'; xTitle: string; column: 'replanning' | 'forecast'; panelWidth: number;
}): TopLevelSpec {
  const hazards = unique(points.map((point) => String(point.hazard)));
  const rowOf = (point: OutcomePoint) => `${point.arrivals}${hazards.length > 1 ? `, hazard ${point.hazard}` : ''}`;
  const color = { field: 'algorithm', type: 'nominal', title: 'Planner', scale: algorithmColorScale(algorithms) } as const;
  const xOrder = unique(points.map((point) => point[options.x]));
  const columnOrder = unique(points.map((point) => point[options.column]));
  const rows = FIGURE_OUTCOMES.flatMap((measure) => unique(points.filter((point) => point.outcome === measure.title).map(rowOf)).map((row) => ({ measure, row })));
  const x = { field: options.x, type: 'nominal', title: options.xTitle, sort: xOrder, axis: { labelAngle: -30 } } as const;
  const xOffset = { field: 'algorithm', type: 'nominal', sort: algorithmColorScale(algorithms).domain } as const;
  return themed({
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: points.map((point) => ({ ...point, row: rowOf(point) })) as unknown as Record<string, unknown>[] },
    vconcat: rows.map(({ measure, row }) => {
      // a count starts at 0 (and shows at least 0–1, so a study without any still has an axis)
      const highest = Math.max(...points.filter((point) => point.outcome === measure.title && rowOf(point) === row).map((point) => point.high));
      const scale = measure.count ? { domain: [0, Math.max(1, highest)], nice: true } : { zero: false };
      return {
      transform: [{ filter: { and: [{ field: 'outcome', equal: measure.title }, { field: 'row', equal: row }] } }],
      facet: { column: { field: options.column, type: 'nominal', sort: columnOrder, title: null, header: { labelFontWeight: 'bold' } } },
      spec: {
        width: options.panelWidth,
        height: 130,
        layer: [
          { mark: { type: 'rule', strokeWidth: 1.5, clip: true }, encoding: { x, xOffset, y: { field: 'low', type: 'quantitative', title: [measure.title, row], scale, ...(measure.count ? { axis: { tickMinStep: 0.5 } } : {}) }, y2: { field: 'high' }, color } },
          {
            mark: { type: 'point', filled: true, size: 40, opacity: 1, clip: true },
            encoding: {
              x, xOffset, y: { field: 'mean', type: 'quantitative', scale }, color,
              tooltip: [{ field: 'algorithm' }, { field: options.column }, { field: options.x }, { field: 'mean' }, { field: 'low' }, { field: 'high' }, { field: 'n' }],
            },
          },
        ],
      },
      };
    }),
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec);
}

const spreadNote = (points: readonly OutcomePoint[]): string => {
  const sizes = unique(points.map((point) => String(point.n)));
  return `dot: mean over ${sizes.join(' or ')} repetitions; whisker: mean ± sd`;
};

/** Outcome vs re-planning policy per planner, one column per forecast. */
export function outcomeVsReplanningSpec(runs: readonly FinishedRun[]): TopLevelSpec {
  const points = outcomePoints(runs);
  return outcomeGrid(points, runs.map((finished) => labelOf(finished.run.algorithm)), {
    title: 'Realised outcome vs re-planning policy, per planner',
    subtitle: `One column per forecast; ${spreadNote(points)}; lower is better`,
    x: 'replanning', xTitle: 'Re-planning policy', column: 'forecast', panelWidth: 220,
  });
}

/** Outcome vs forecast (its error) per planner, one column per re-planning policy. */
export function outcomeVsForecastSpec(runs: readonly FinishedRun[]): TopLevelSpec {
  const points = outcomePoints(runs);
  return outcomeGrid(points, runs.map((finished) => labelOf(finished.run.algorithm)), {
    title: 'Realised outcome vs forecast error, per planner',
    subtitle: `One column per re-planning policy; ${spreadNote(points)}; lower is better`,
    x: 'forecast', xTitle: 'Forecast', column: 'replanning', panelWidth: 120,
  });
}
