import { sortAlgorithms } from './algorithmColors.js';
import { roundTo } from './roundTo.js';
import { summarise } from '../stats/descriptiveStatistics.js';

/** Median and interquartile band of the best-so-far fitness over repetitions, at one step. */
export interface ConvergencePoint {
  readonly algorithm: string;
  /** position on the x axis: the step, or the cumulative evaluations, whichever the collector was given */
  readonly step: number;
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

interface StepCurve {
  readonly steps: number[];
  readonly values: number[];
}

/**
 * Collects the convergence curve of every trial as trace rows stream by. traces.csv is
 * run-length compressed (a row only where the scores change, plus the first and the last
 * step), so each curve is a step function: the value at step s is the last row at or before s.
 */
export class ConvergenceCollector {
  private readonly curves = new Map<string, Map<string, StepCurve>>();

  add(algorithm: string, trialId: string, step: number, fitness: number): void {
    let trials = this.curves.get(algorithm);
    if (!trials) this.curves.set(algorithm, (trials = new Map()));
    let curve = trials.get(trialId);
    if (!curve) trials.set(trialId, (curve = { steps: [], values: [] }));
    curve.steps.push(step);
    curve.values.push(fitness);
  }

  get isEmpty(): boolean {
    return this.curves.size === 0;
  }

  /**
   * Per algorithm, the median and IQR over trials at the points `grid` chooses (default up to
   * `maxPoints` evenly spaced steps; `logSteps` for log-spaced evaluation counts) from 0 to the
   * longest run of any algorithm — one grid for all, so panels can share their x axis. Each
   * algorithm's curve ends at its own longest run (its budget), or with `commonEnd` at the longest
   * run of any algorithm (a constructive one's single point is drawn on). A run that ended earlier
   * (e.g. the GA reached its target fitness) keeps its final value. Algorithms whose runs all end
   * at step 0 have no curve and are left out.
   */
  summarise(maxPoints = 300, grid: (last: number, count: number) => number[] = evenSteps, commonEnd = false): ConvergencePoint[] {
    const points: ConvergencePoint[] = [];
    const curvesOf = new Map([...this.curves].map(([algorithm, trials]) => [algorithm, [...trials.values()].map(sortedCurve)]));
    const lastOf = (curves: StepCurve[]) => Math.max(...curves.map((curve) => curve.steps[curve.steps.length - 1]));
    const overall = Math.max(...[...curvesOf.values()].map(lastOf));
    const shared = overall > 0 ? grid(overall, maxPoints) : [];
    for (const algorithm of sortAlgorithms(this.curves.keys())) {
      const curves = curvesOf.get(algorithm)!;
      const lastStep = commonEnd ? overall : lastOf(curves);
      if (lastStep <= 0) continue;
      const steps = commonEnd ? shared : [...shared.filter((step) => step < lastStep), lastStep];
      for (const step of steps) {
        const values = curves.map((curve) => valueAt(curve, step)).filter((value): value is number => value !== undefined);
        if (values.length === 0) continue;
        const s = summarise(values);
        points.push({ algorithm, step, n: s.n, median: roundTo(s.median), q1: roundTo(s.q1), q3: roundTo(s.q3) });
      }
    }
    return points;
  }
}

/** Rows usually arrive in step order; sort defensively (stable for equal steps: the later row wins in valueAt). */
function sortedCurve(curve: StepCurve): StepCurve {
  const order = curve.steps.map((_, i) => i).sort((a, b) => curve.steps[a] - curve.steps[b] || a - b);
  return { steps: order.map((i) => curve.steps[i]), values: order.map((i) => curve.values[i]) };
}

/** The value of a step function at `step`: the last point at or before it; undefined before the first. */
export function valueAt(curve: StepCurve, step: number): number | undefined {
  let low = 0;
  let high = curve.steps.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (curve.steps[middle] <= step) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found < 0 ? undefined : curve.values[found];
}

/** Integer steps 0 … last, thinned to at most `count` evenly spaced ones (always keeping 0 and last). */
export function evenSteps(last: number, count: number): number[] {
  if (last + 1 <= count) return Array.from({ length: last + 1 }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * last) / (count - 1))))];
}

/** Integer points 1 … last spaced evenly on a log scale, at most `count` (always keeping 1 and last): anytime curves on a log axis. */
export function logSteps(last: number, count: number): number[] {
  if (last < 1) return [];
  if (count < 2 || last === 1) return [last];
  const points = Array.from({ length: count }, (_, i) => Math.round(Math.exp((i * Math.log(last)) / (count - 1))));
  return [...new Set(points)];
}
