import { mean } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { bootstrapInterval, type Interval } from '../stats/bootstrap.js';
import { groupBy } from './groupBy.js';
import type { TrialRow } from './trialRows.js';

/** One successful run, as the headline computation needs it. */
export interface FitnessRun {
  readonly algorithm: string;
  readonly experiments: number;
  readonly ress: string;
  readonly fitness: number;
}

/** The paper's four algorithms, in the order of its tables (RS, GA, LS, SA; spec §11). */
export const PAPER_ALGORITHMS = ['random-sampling', 'genetic', 'local-search', 'simulated-annealing'] as const;

/** "The other approaches" of the paper's headline (abstract, spec §11): RS, LS and SA. */
export const PAPER_OTHERS = PAPER_ALGORITHMS.filter((algorithm) => algorithm !== 'genetic');

/** The GA's lead over the best other algorithm of the paper in one cell (size × RESS) of the scaling study. */
export interface AdvantageCell {
  readonly experiments: number;
  readonly ress: string;
  readonly gaN: number;
  readonly gaMean: number;
  /** the other algorithm with the highest mean fitness in the cell */
  readonly bestOther: string;
  readonly bestOtherN: number;
  readonly bestOtherMean: number;
  /** GA mean / best other mean − 1 (the headline's "by up to 19 %", read as relative) */
  readonly advantage: number;
  readonly advantageInterval?: Interval;
  /** GA mean − best other mean in fitness points (the other reading of "19 %") */
  readonly difference: number;
  readonly differenceInterval?: Interval;
}

/**
 * The GA's advantage per size and RESS over the best of RS, LS and SA, with 95 % bootstrap
 * intervals (GA and best-other runs resampled independently; the best other is the one of the
 * observed means). Cells lacking the GA or every other algorithm are left out.
 */
export function gaAdvantageCells(runs: readonly FitnessRun[]): AdvantageCell[] {
  const cells: AdvantageCell[] = [];
  for (const { key: [experiments, ress], items } of groupBy(runs, (run) => [run.experiments, run.ress])) {
    const fitnessOf = (algorithm: string) => items.filter((run) => run.algorithm === algorithm).map((run) => run.fitness);
    const ga = fitnessOf('genetic');
    const others = PAPER_OTHERS.map((algorithm) => ({ algorithm, fitness: fitnessOf(algorithm) })).filter((other) => other.fitness.length > 0);
    if (ga.length === 0 || others.length === 0) continue;
    const best = others.reduce((top, other) => (mean(other.fitness) > mean(top.fitness) ? other : top));
    const [gaMean, bestMean] = [mean(ga), mean(best.fitness)];
    cells.push({
      experiments: experiments as number,
      ress: ress as string,
      gaN: ga.length,
      gaMean,
      bestOther: best.algorithm,
      bestOtherN: best.fitness.length,
      bestOtherMean: bestMean,
      advantage: gaMean / bestMean - 1,
      advantageInterval: bootstrapInterval([ga, best.fitness], (g, o) => mean(g) / mean(o) - 1),
      difference: gaMean - bestMean,
      differenceInterval: bootstrapInterval([ga, best.fitness], (g, o) => mean(g) - mean(o)),
    });
  }
  return cells;
}

const COLUMNS = [
  'study', 'experiments', 'ress', 'ga_n', 'ga_mean', 'best_other', 'best_other_n', 'best_other_mean',
  'advantage', 'advantage_ci_low', 'advantage_ci_high', 'difference', 'difference_ci_low', 'difference_ci_high',
] as const;

/** ga-advantage.csv: the headline's figure per cell of each study of kind scaling (successful, valid runs). */
export function gaAdvantageTable(rows: readonly TrialRow[]): string {
  const scaling = rows.filter((row) => row.kind === 'scaling' && row.fitness !== undefined && row.valid !== false && row.error === undefined);
  const cells = groupBy(scaling, (row) => [row.study]).flatMap(({ key: [study], items }) => gaAdvantageCells(
    items.map((row) => ({ algorithm: row.algorithm, experiments: row.experiments, ress: row.ress, fitness: row.fitness! })),
  ).map((cell) => ({ study: study as string, cell })));
  return toCsv(COLUMNS, cells.map(({ study, cell }) => ({
    study,
    experiments: cell.experiments,
    ress: cell.ress,
    ga_n: cell.gaN,
    ga_mean: cell.gaMean,
    best_other: cell.bestOther,
    best_other_n: cell.bestOtherN,
    best_other_mean: cell.bestOtherMean,
    advantage: cell.advantage,
    advantage_ci_low: cell.advantageInterval?.low,
    advantage_ci_high: cell.advantageInterval?.high,
    difference: cell.difference,
    difference_ci_low: cell.differenceInterval?.low,
    difference_ci_high: cell.differenceInterval?.high,
  })));
}
