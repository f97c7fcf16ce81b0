/**
 * Shared by the maximum-fitness and re-evaluation figures: one boxplot of final fitness
 * per algorithm (Tukey whiskers: 1.5 × IQR), optionally with reference marks (the paper's
 * published values).
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmColorScale, algorithmLabel, sortAlgorithms } from '../algorithmColors.js';
import { themed } from '../figureDefinition.js';
import { roundTo } from '../roundTo.js';
import type { Trial } from '../trials.js';

export interface FitnessPoint {
  readonly algorithm: string;
  readonly fitness: number;
}

/** A published value drawn over the boxes, e.g. `{ algorithm: 'GA', statistic: 'paper: best', value: 0.73 }`. */
export interface ReferenceMark {
  readonly algorithm: string;
  readonly statistic: string;
  readonly value: number;
}

/** One point per successful trial, in legend order then trial order. */
export function fitnessPoints(trials: readonly (Trial & { fitness: number })[]): FitnessPoint[] {
  const order = sortAlgorithms(trials.map((trial) => trial.algorithm));
  return [...trials]
    .sort((a, b) => order.indexOf(a.algorithm) - order.indexOf(b.algorithm) || a.repetition - b.repetition)
    .map((trial) => ({ algorithm: algorithmLabel(trial.algorithm), fitness: roundTo(trial.fitness) }));
}

export function fitnessBoxplotSpec(points: readonly FitnessPoint[], algorithms: readonly string[], options: {
  title: string; subtitle: string; references?: readonly ReferenceMark[];
}): TopLevelSpec {
  const scale = algorithmColorScale(algorithms);
  const x = { field: 'algorithm', type: 'nominal', title: 'Algorithm', sort: scale.domain, axis: { labelAngle: 0 } } as const;
  const y = { field: 'fitness', type: 'quantitative', title: 'Fitness F of the best schedule (0–1)', scale: { zero: false } } as const;
  const layers: unknown[] = [{
    mark: { type: 'boxplot', extent: 1.5, median: { color: '#000000' }, outliers: { size: 30 } },
    encoding: { x, y, color: { field: 'algorithm', type: 'nominal', title: 'Algorithm', scale, legend: null } },
  }];
  if (options.references && options.references.length > 0) {
    layers.push({
      data: { values: options.references },
      mark: { type: 'point', filled: true, size: 90, color: '#000000', opacity: 0.85 },
      encoding: {
        x: { ...x, field: 'algorithm' },
        y: { field: 'value', type: 'quantitative' },
        shape: { field: 'statistic', type: 'nominal', title: 'Published (paper)', scale: { range: ['triangle-up', 'diamond', 'square', 'cross'] } },
      },
    });
  }
  return themed({
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: points as unknown as Record<string, unknown>[] },
    width: { step: 80 },
    height: 260,
    layer: layers,
  } as TopLevelSpec);
}

/** "n = 20 runs per algorithm" or "n = 18–20 runs per algorithm". */
export function runsPerAlgorithm(points: readonly FitnessPoint[]): string {
  const counts = new Map<string, number>();
  for (const point of points) counts.set(point.algorithm, (counts.get(point.algorithm) ?? 0) + 1);
  const values = [...counts.values()];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return `n = ${low === high ? low : `${low}–${high}`} runs per algorithm`;
}
