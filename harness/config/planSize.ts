import { getAlgorithm } from '../../algorithms/registry.js';
import { estimateCostSeconds } from '../plan/estimateCost.js';
import type { Trial } from '../plan/trial.js';
import { DEFAULT_INITIAL_POPULATION_SIZE } from './studyConfig.js';

/** Plans larger than this need --yes. */
export const CONFIRM_TRIALS_ABOVE = 100_000;
/** Plans larger than this are refused even with --yes: the planner holds every trial in memory (≈ 1 KB each). */
export const MAX_TRIALS = 1_000_000;

/**
 * A list or range of a config (`[10, 15]` or `{"from": 10, "to": 70, "step": 5}`) as a count and
 * a function giving its i-th value, without expanding it. Undefined when it is neither (the
 * schema reports that later).
 */
interface LazyList {
  readonly length: number;
  at(i: number): number;
}

function lazyList(value: unknown): LazyList | undefined {
  if (Array.isArray(value)) return { length: value.length, at: (i) => Number(value[i]) };
  if (typeof value !== 'object' || value === null) return undefined;
  const { from, to, step } = value as Record<string, unknown>;
  if (![from, to, step].every((n) => typeof n === 'number' && Number.isFinite(n)) || (step as number) <= 0 || (from as number) > (to as number)) return undefined;
  const length = Math.floor(((to as number) - (from as number)) / (step as number)) + 1;
  return { length, at: (i) => (from as number) + i * (step as number) };
}

export interface PlanSize {
  /** trials the config plans (exact, computed without expanding anything) */
  readonly trials: number;
  /** estimated CPU seconds of the whole plan (undefined when parameters are not valid yet) */
  readonly cpuSeconds?: number;
  /** the longest single list or range, and where it is */
  readonly longestList: { readonly length: number; readonly where: string };
}

/**
 * Counts the trials of a parsed (not yet validated) config by arithmetic alone: sizes × RESS ×
 * repetitions × Σ over algorithms of the product of their grid lengths, per study. A range of
 * 10^7 values costs nothing here. Parts that are malformed count as one (the schema rejects them).
 */
export function planSize(raw: unknown): PlanSize {
  let trials = 0;
  let cpuSeconds: number | undefined = 0;
  let longestList = { length: 0, where: '' };
  const note = (list: LazyList | undefined, where: string) => {
    if (list && list.length > longestList.length) longestList = { length: list.length, where };
    return list;
  };
  const studies = (raw as { studies?: unknown })?.studies;
  if (!Array.isArray(studies)) return { trials: 0, longestList };
  studies.forEach((study: Record<string, unknown>, s) => {
    if (typeof study !== 'object' || study === null) return;
    const sizes = note(lazyList(study.sizes), `studies[${s}].sizes`);
    const ress = Array.isArray(study.ress) ? study.ress.length : 1;
    const repetitions = typeof study.repetitions === 'number' && study.repetitions > 0 ? study.repetitions : 1;
    const algorithms = Array.isArray(study.algorithms) ? study.algorithms : [];
    const initialPopulationSize = typeof study.initialPopulationSize === 'number' ? study.initialPopulationSize : DEFAULT_INITIAL_POPULATION_SIZE;
    algorithms.forEach((entry: Record<string, unknown>, a) => {
      const grid = typeof entry?.grid === 'object' && entry.grid !== null ? entry.grid as Record<string, unknown> : {};
      let combinations = 1;
      const gridMeans: Record<string, number> = {};
      for (const [key, values] of Object.entries(grid)) {
        const list = note(lazyList(values), `studies[${s}].algorithms[${a}].grid.${key}`);
        combinations *= list?.length ?? 1;
        if (list && list.length > 0) gridMeans[key] = (list.at(0) + list.at(list.length - 1)) / 2; // a range's mean; a list's, roughly
      }
      const perSize = ress * repetitions * combinations;
      trials += (sizes?.length ?? 1) * perSize;
      cpuSeconds = cpuSeconds === undefined ? undefined : addCost(cpuSeconds, entry, gridMeans, sizes, perSize, initialPopulationSize);
    });
  });
  return { trials, cpuSeconds, longestList };
}

/**
 * The estimated cost of one algorithm entry over all sizes: estimateCostSeconds is linear in each
 * grid parameter, so the grid's mean setting gives the mean cost. Sizes are sampled (at most 1000).
 */
function addCost(total: number, entry: Record<string, unknown>, gridMeans: Record<string, number>, sizes: LazyList | undefined, perSize: number, initialPopulationSize: number): number | undefined {
  let params: Record<string, unknown>;
  try {
    params = { ...(getAlgorithm(String(entry.name)).paramsSchema.parse(entry.params ?? {}) as Record<string, unknown>), ...gridMeans };
  } catch {
    return undefined;
  }
  if (!sizes || sizes.length === 0) return total;
  const samples = Math.min(sizes.length, 1000);
  let cost = 0;
  for (let i = 0; i < samples; i++) {
    const experiments = sizes.at(Math.floor((i * (sizes.length - 1)) / Math.max(1, samples - 1)));
    const trial = { experiments, params, initialPopulationSize: typeof params.populationSize === 'number' ? params.populationSize : initialPopulationSize } as unknown as Trial;
    cost += estimateCostSeconds(trial);
  }
  return total + (cost / samples) * sizes.length * perSize;
}
