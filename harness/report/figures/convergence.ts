/**
 * Figure — convergence: the recorded fitness (GA: best of the generation; LS, SA: current
 * solution; RS: best so far) over cumulative evaluations, median and interquartile band over the
 * repetitions, from traces.csv. One panel per algorithm, all on one x axis (evaluations are the
 * unit of work every algorithm shares); each curve ends at its algorithm's budget, and a run that
 * stopped early keeps its final fitness to there. Traces written before evaluations were recorded
 * fall back to steps (generation or iteration), whose panels cannot share an axis.
 * Which runs: the (main) maximum-fitness study if the run has it (20 runs, large budget), else the
 * (main) scaling study at the size closest to 30, medium RESS (the setting of spec §9's GA curve);
 * the main study of a kind is the one named after it, else the first (trials.ts `mainStudyOf`).
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale, algorithmLabel } from '../algorithmColors.js';
import type { ConvergencePoint } from '../convergenceSummary.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import type { TraceSelection } from '../traceReader.js';
import { mainStudyOf, ressLabel, sortRess, trialsOf, type Trial } from '../trials.js';

/** The traces to show, chosen from what the run has (see the header comment). */
export function convergenceSelection(trials: readonly Trial[]): TraceSelection | undefined {
  const maxFitness = mainStudyOf(trials, 'max-fitness');
  if (maxFitness !== undefined) return { study: maxFitness };
  const scaling = trialsOf(trials, 'scaling');
  if (scaling.length === 0) return undefined;
  const sizes = [...new Set(scaling.map((trial) => trial.experiments))].sort((a, b) => a - b);
  const experiments = sizes.reduce((best, size) => (Math.abs(size - 30) < Math.abs(best - 30) ? size : best));
  const levels = sortRess(scaling.filter((trial) => trial.experiments === experiments).map((trial) => trial.ress));
  return { study: scaling[0].study, experiments, ress: levels.includes('mid') ? 'mid' : levels[0] };
}

export function convergenceSpec(points: readonly ConvergencePoint[], subtitle: string, axis: 'evaluations' | 'step' = 'evaluations'): TopLevelSpec {
  const algorithms = [...new Set(points.map((point) => point.algorithm))];
  const rows = points.map((point) => ({ ...point, algorithm: algorithmLabel(point.algorithm) }));
  const color = { field: 'algorithm', type: 'nominal', title: 'Algorithm', scale: algorithmColorScale(algorithms), legend: null } as const;
  const x = axis === 'evaluations'
    ? { field: 'step', type: 'quantitative', title: 'Evaluations (candidate solutions scored)', axis: { format: '~s' } } as const
    : { field: 'step', type: 'quantitative', title: 'Step (GA: generation; LS, SA: iteration)' } as const;
  return themed({
    title: { text: `Convergence: fitness per ${axis === 'evaluations' ? 'evaluation' : 'step'}`, subtitle },
    data: { values: rows },
    facet: { column: { field: 'algorithm', type: 'nominal', title: null, sort: algorithmColorScale(algorithms).domain } },
    // one x scale for all panels when it measures the same work (evaluations); steps differ per algorithm
    resolve: { scale: { x: axis === 'evaluations' ? 'shared' : 'independent' } },
    spec: {
      width: 220,
      height: 200,
      layer: [
        { mark: { type: 'area', opacity: 0.25, interpolate: 'step-after' }, encoding: { x, y: { field: 'q1', type: 'quantitative', title: 'Fitness F (0–1)', scale: { zero: false } }, y2: { field: 'q3' }, color } },
        { mark: { type: 'line', interpolate: 'step-after' }, encoding: { x, y: { field: 'median', type: 'quantitative', axis: { format: '.2f' } }, color } },
      ],
    },
  } as TopLevelSpec);
}

export const convergenceFigure: FigureDefinition = {
  name: 'convergence',
  title: 'Convergence curves',
  async build(results) {
    const selection = convergenceSelection(results.trials());
    if (!selection) return skipped('no maximum-fitness or scaling study in this run');
    const { axis, points } = await results.convergence(selection);
    if (points.length === 0) return skipped(`traces.csv has no multi-step traces for ${describe(selection)}`);
    const low = Math.min(...points.map((point) => point.n));
    const high = Math.max(...points.map((point) => point.n));
    const runs = low === high ? `n = ${high} runs` : `n = ${low}–${high} runs`;
    const unit = axis === 'evaluations'
      ? 'per evaluation, all panels on one x axis; each curve ends at its algorithm\'s budget'
      : 'per generation or iteration (this run\'s traces predate evaluation counts, so the panels\' x axes differ)';
    return figure(convergenceSpec(points, `${describe(selection)}; line: median, band: interquartile range; ${runs}`, axis),
      `Fitness of the best (GA, RS) or current (LS, SA) solution ${unit}, as the trace records it (${describe(selection)}).`);
  },
};

function describe(selection: TraceSelection): string {
  const parts = [selection.study === 'max-fitness' ? 'maximum-fitness study' : `${selection.study} study`];
  if (selection.experiments !== undefined) parts.push(`${selection.experiments} experiments`);
  if (selection.ress !== undefined) parts.push(ressLabel(selection.ress));
  return parts.join(', ');
}
