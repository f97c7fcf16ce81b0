import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { groupBy } from './groupBy.js';
import type { TrialRow } from './trialRows.js';

/** The study kind of the benchmark (a config holds at most one such study: studyConfig.ts). */
export const BENCHMARK_KIND = 'benchmark';

/** "Reached" = a fitness within this share of the best known (time-to-target, as COCO's targets). */
export const TARGET_SHARE = 0.99;

/** One point of a benchmark trial's curve, as traces.csv holds it (change points only). */
export interface BenchmarkTracePoint {
  readonly fitness: number;
  readonly evaluations?: number;
  readonly elapsedMs?: number;
}

/** When a trial first came within 1 % of its instance's best known fitness. */
interface Reach {
  readonly evaluations?: number;
  readonly seconds?: number;
}

/** An instance: one benchmark (or paper) set at one size. */
interface Instance {
  readonly set: string;
  readonly family: string;
  readonly level: string;
  readonly experiments: number;
  readonly trials: readonly TrialRow[];
  readonly bestKnown?: number;
  readonly bestAlgorithm?: string;
  readonly upperBound?: number;
}

/**
 * The benchmark study's tables, from trials.csv and the benchmark trials' curves (traces.csv):
 * - `benchmark.csv`: per set, size and algorithm — fitness, gap to the best known and to the
 *   bound, how often and how fast (evaluations, seconds) it came within 1 % of the best known,
 *   its mean rank, and the instance's hardness;
 * - `benchmark-ranks.csv`: per family and algorithm — the mean rank over every instance and
 *   repetition, wins, mean gaps;
 * - `instances.csv`: per set and size — the hardness figures, best known, bound, greedy's gap.
 * The best known of an instance is the highest valid fitness any trial of this results folder
 * (or the greedy of the hardness figure) reached on it. Gap = (reference − F) / reference.
 */
export function benchmarkTables(rows: readonly TrialRow[], traces: ReadonlyMap<string, readonly BenchmarkTracePoint[]>): Map<string, string> {
  const instances = benchmarkInstances(rows);
  const ranks = rankTrials(instances);
  return new Map([
    ['benchmark', benchmarkTable(instances, ranks, traces)],
    ['benchmark-ranks', ranksTable(instances, ranks)],
    ['instances', instancesTable(instances)],
  ]);
}

function benchmarkInstances(rows: readonly TrialRow[]): Instance[] {
  const trials = rows.filter((row) => row.kind === BENCHMARK_KIND);
  return groupBy(trials, (row) => [row.ress, row.experiments]).map(({ key: [set, experiments], items }) => {
    const [family, level] = familyAndLevel(String(set));
    const candidates = items.filter((row) => row.fitness !== undefined && row.valid !== false)
      .map((row) => ({ fitness: row.fitness!, algorithm: row.algorithm }));
    const greedy = items.find((row) => row.greedyFitness !== undefined)?.greedyFitness;
    if (greedy !== undefined) candidates.push({ fitness: greedy, algorithm: 'greedy (hardness figure)' });
    const best = candidates.reduce<{ fitness: number; algorithm: string } | undefined>((top, candidate) => (!top || candidate.fitness > top.fitness ? candidate : top), undefined);
    const bounds = items.map((row) => row.upperBound).filter((value): value is number => value !== undefined);
    return {
      set: String(set), family, level, experiments: Number(experiments), trials: items,
      bestKnown: best?.fitness, bestAlgorithm: best?.algorithm,
      upperBound: bounds.length > 0 ? Math.min(...bounds) : undefined,
    };
  });
}

/** `bench/load/x4` → [load, x4]; a paper set is its own family (`mid` → [mid, mid]). */
function familyAndLevel(set: string): [string, string] {
  const parts = set.split('/');
  return parts.length === 3 && parts[0] === 'bench' ? [parts[1], parts[2]] : [set, set];
}

/** A trial's standing among the algorithms of its instance and repetition. */
interface Standing {
  /** 1 = the highest fitness; ties share the mean of their ranks; failed trials rank below every success */
  readonly rank: number;
  /** it reached the repetition's highest fitness (ties all win) */
  readonly win: boolean;
}

function rankTrials(instances: readonly Instance[]): Map<string, Standing> {
  const ranks = new Map<string, Standing>();
  for (const instance of instances) {
    for (const { items } of groupBy(instance.trials, (row) => [row.repetition])) {
      const score = (row: TrialRow) => (row.fitness === undefined || row.valid === false ? Number.NEGATIVE_INFINITY : row.fitness);
      const sorted = [...items].sort((a, b) => score(b) - score(a));
      for (let i = 0; i < sorted.length;) {
        let j = i;
        while (j + 1 < sorted.length && score(sorted[j + 1]) === score(sorted[i])) j++;
        const shared = (i + j) / 2 + 1;
        const win = i === 0 && Number.isFinite(score(sorted[i]));
        for (let k = i; k <= j; k++) ranks.set(sorted[k].trialId, { rank: shared, win });
        i = j + 1;
      }
    }
  }
  return ranks;
}

const gapTo = (reference: number | undefined, fitness: number | undefined): number | undefined =>
  reference === undefined || fitness === undefined || reference <= 0 ? undefined : (reference - fitness) / reference;

function meanOf(values: readonly (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length > 0 ? mean(present) : undefined;
}

function sdOf(values: readonly (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length >= 2 ? sampleStandardDeviation(present) : undefined;
}

function medianOf(values: readonly (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined);
  return present.length > 0 ? median(present) : undefined;
}

/** The first point of the curve within 1 % of the best known (undefined if never). */
function reachOf(trace: readonly BenchmarkTracePoint[] | undefined, bestKnown: number | undefined): Reach | undefined {
  if (!trace || bestKnown === undefined) return undefined;
  const point = trace.find((candidate) => candidate.fitness >= TARGET_SHARE * bestKnown);
  return point ? { evaluations: point.evaluations, seconds: point.elapsedMs === undefined ? undefined : point.elapsedMs / 1000 } : undefined;
}

const BENCHMARK_COLUMNS = [
  'family', 'level', 'set', 'experiments', 'algorithm', 'n', 'failed',
  'mean_fitness', 'sd_fitness', 'min_fitness', 'max_fitness',
  'best_known', 'mean_gap_to_best', 'sd_gap_to_best',
  'upper_bound', 'mean_gap', 'sd_gap',
  'reached', 'median_evaluations_to_target', 'median_seconds_to_target',
  'mean_evaluations', 'mean_runtime_s', 'stopped_by_time', 'mean_rank',
  'load', 'peak_load', 'greedy_all_at_zero',
] as const;

function benchmarkTable(instances: readonly Instance[], ranks: ReadonlyMap<string, Standing>, traces: ReadonlyMap<string, readonly BenchmarkTracePoint[]>): string {
  const rows = instances.flatMap((instance) => groupBy(instance.trials, (row) => [row.algorithm]).map(({ key: [algorithm], items }) => {
    const ok = items.filter((row) => row.fitness !== undefined);
    const fitness = ok.map((row) => row.fitness!);
    const reaches = ok.map((row) => reachOf(traces.get(row.trialId), instance.bestKnown)).filter((reach): reach is Reach => reach !== undefined);
    const first = instance.trials[0];
    return {
      family: instance.family, level: instance.level, set: instance.set, experiments: instance.experiments, algorithm,
      n: ok.length, failed: items.length - ok.length,
      mean_fitness: meanOf(fitness), sd_fitness: sdOf(fitness),
      min_fitness: fitness.length > 0 ? Math.min(...fitness) : undefined, max_fitness: fitness.length > 0 ? Math.max(...fitness) : undefined,
      best_known: instance.bestKnown,
      mean_gap_to_best: meanOf(fitness.map((value) => gapTo(instance.bestKnown, value))),
      sd_gap_to_best: sdOf(fitness.map((value) => gapTo(instance.bestKnown, value))),
      upper_bound: instance.upperBound,
      mean_gap: meanOf(fitness.map((value) => gapTo(instance.upperBound, value))),
      sd_gap: sdOf(fitness.map((value) => gapTo(instance.upperBound, value))),
      reached: reaches.length,
      median_evaluations_to_target: medianOf(reaches.map((reach) => reach.evaluations)),
      median_seconds_to_target: medianOf(reaches.map((reach) => reach.seconds)),
      mean_evaluations: meanOf(ok.map((row) => row.evaluations)),
      mean_runtime_s: meanOf(ok.map((row) => row.runtimeSeconds)),
      stopped_by_time: items.filter((row) => row.stoppedBy === 'time').length,
      mean_rank: meanOf(items.map((row) => ranks.get(row.trialId)?.rank)),
      load: first.load, peak_load: first.peakLoad, greedy_all_at_zero: first.greedyAllAtZero,
    };
  }));
  return toCsv(BENCHMARK_COLUMNS, rows);
}

const RANKS_COLUMNS = ['family', 'algorithm', 'instances', 'n', 'mean_rank', 'wins', 'mean_gap_to_best', 'mean_gap'] as const;

function ranksTable(instances: readonly Instance[], ranks: ReadonlyMap<string, Standing>): string {
  const byFamily = groupBy(instances, (instance) => [instance.family]);
  const rows = byFamily.flatMap(({ key: [family], items: members }) => {
    const trials = members.flatMap((instance) => instance.trials.map((row) => ({ row, instance })));
    return groupBy(trials, ({ row }) => [row.algorithm]).map(({ key: [algorithm], items }) => ({
      family, algorithm,
      instances: new Set(items.map(({ instance }) => `${instance.set}/${instance.experiments}`)).size,
      n: items.length,
      mean_rank: meanOf(items.map(({ row }) => ranks.get(row.trialId)?.rank)),
      wins: items.filter(({ row }) => ranks.get(row.trialId)?.win === true).length,
      mean_gap_to_best: meanOf(items.map(({ row, instance }) => gapTo(instance.bestKnown, row.fitness))),
      mean_gap: meanOf(items.map(({ row, instance }) => gapTo(instance.upperBound, row.fitness))),
    }));
  });
  return toCsv(RANKS_COLUMNS, rows);
}

const INSTANCE_COLUMNS = [
  'family', 'level', 'set', 'experiments', 'load', 'peak_load', 'greedy_all_at_zero', 'greedy_fitness',
  'best_known', 'best_algorithm', 'upper_bound', 'greedy_gap', 'best_known_gap',
] as const;

function instancesTable(instances: readonly Instance[]): string {
  return toCsv(INSTANCE_COLUMNS, instances.map((instance) => {
    const first = instance.trials[0];
    return {
      family: instance.family, level: instance.level, set: instance.set, experiments: instance.experiments,
      load: first.load, peak_load: first.peakLoad, greedy_all_at_zero: first.greedyAllAtZero, greedy_fitness: first.greedyFitness,
      best_known: instance.bestKnown, best_algorithm: instance.bestAlgorithm, upper_bound: instance.upperBound,
      greedy_gap: gapTo(instance.upperBound, first.greedyFitness),
      best_known_gap: gapTo(instance.upperBound, instance.bestKnown),
    };
  }));
}
