import { algorithmLabel, sortAlgorithms } from './algorithmColors.js';
import { groupBy } from './groupBy.js';
import { roundTo } from './roundTo.js';
import { summarise } from '../stats/descriptiveStatistics.js';
import { ressLabel, sortRess, type Trial } from './trials.js';

/** Mean and spread of one measure for one (RESS, algorithm, x) cell: a point with its band in a figure. */
export interface CellSummary {
  /** display label, e.g. "medium RESS" */
  readonly ress: string;
  readonly ressLevel: string;
  /** display label, e.g. "GA" */
  readonly algorithm: string;
  readonly algorithmName: string;
  readonly x: number;
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly q1: number;
  readonly q3: number;
}

/**
 * Summarises `measure` over the trials of every (RESS, algorithm, x) cell, in a stable
 * order (RESS low→high, algorithms in legend order, x ascending), with labels ready for
 * display. Trials whose measure is null are left out.
 */
export function summariseCells(trials: readonly Trial[], x: (trial: Trial) => number | null, measure: (trial: Trial) => number | null): CellSummary[] {
  const usable = trials.filter((trial) => x(trial) !== null && measure(trial) !== null);
  const cells = groupBy(usable, (trial) => JSON.stringify([trial.ress, trial.algorithm, x(trial)]));
  const rows = [...cells.values()].map((members) => {
    const s = summarise(members.map((trial) => measure(trial)!));
    const first = members[0];
    return {
      ress: ressLabel(first.ress),
      ressLevel: first.ress,
      algorithmName: first.algorithm,
      algorithm: algorithmLabel(first.algorithm),
      x: x(first)!,
      n: s.n,
      mean: roundTo(s.mean),
      median: roundTo(s.median),
      min: roundTo(s.min),
      max: roundTo(s.max),
      q1: roundTo(s.q1),
      q3: roundTo(s.q3),
    };
  });
  const ressRank = sortRess(rows.map((row) => row.ressLevel));
  const algorithmRank = sortAlgorithms(rows.map((row) => row.algorithmName));
  return rows.sort((a, b) => ressRank.indexOf(a.ressLevel) - ressRank.indexOf(b.ressLevel)
    || algorithmRank.indexOf(a.algorithmName) - algorithmRank.indexOf(b.algorithmName) || a.x - b.x);
}

/** "n = 5 runs per point" or "n = 3–5 runs per point". */
export function runsPerPoint(cells: readonly { n: number }[]): string {
  const counts = cells.map((cell) => cell.n);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return `n = ${low === high ? low : `${low}–${high}`} run${high === 1 ? '' : 's'} per point`;
}
