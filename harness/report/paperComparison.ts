import { algorithmLabel, sortAlgorithms } from './algorithmColors.js';
import { publishedCalibration, publishedExecutionTimes, publishedHeadline, publishedReevaluation } from './publishedFigures.js';
import { groupBy, summarise } from './summaryStatistics.js';
import { gaCalibrationTrials, ressLabel, succeeded, trialsOf, type Trial } from './trials.js';

/** One line of the "paper vs this run" table. Numbers stay numbers; formatting is the renderer's job. */
export interface ComparisonRow {
  readonly quantity: string;
  /** spec section the published figure comes from */
  readonly section: string;
  readonly unit: string;
  readonly paper: number | string;
  /** null when the run did not measure it (e.g. a --quick run without that size) */
  readonly thisRun: number | string | null;
  /** this run − paper, in `unit` (numbers only) */
  readonly difference: number | null;
  /** this run / paper (execution times, where hardware makes ratios the fair comparison) */
  readonly ratio: number | null;
  readonly note: string;
}

/** Builds every comparison the trials allow; rows the run cannot answer say so instead of disappearing. */
export function paperComparison(trials: readonly Trial[]): ComparisonRow[] {
  return [...reevaluationRows(trials), ...executionTimeRows(trials), ...headlineRows(trials), ...calibrationRows(trials)];
}

const numericRow = (row: Omit<ComparisonRow, 'difference' | 'ratio'>, withRatio = false): ComparisonRow => {
  const paper = typeof row.paper === 'number' ? row.paper : null;
  const measured = typeof row.thisRun === 'number' ? row.thisRun : null;
  return {
    ...row,
    difference: paper !== null && measured !== null ? measured - paper : null,
    ratio: withRatio && paper !== null && measured !== null && paper !== 0 ? measured / paper : null,
  };
};

function reevaluationRows(trials: readonly Trial[]): ComparisonRow[] {
  // the sound start only: the as-published and hypothesis variants are the claims table's business
  const runs = trialsOf(trials, 'reevaluation').filter((trial) => trial.rescheduling_population === '' || trial.rescheduling_population === 'sound');
  return Object.entries(publishedReevaluation.fitness).flatMap(([algorithm, published]) => {
    const fitness = runs.filter((trial) => trial.algorithm === algorithm && succeeded(trial)).map((trial) => trial.fitness!);
    const s = fitness.length > 0 ? summarise(fitness) : undefined;
    const note = s ? `n = ${s.n} runs (paper: ${publishedReevaluation.runs})` : 'not in this run';
    const label = algorithmLabel(algorithm);
    return [
      numericRow({ quantity: `Re-evaluation: ${label} best fitness`, section: publishedReevaluation.section, unit: 'fitness', paper: published.best, thisRun: s?.max ?? null, note }),
      numericRow({ quantity: `Re-evaluation: ${label} mean fitness`, section: publishedReevaluation.section, unit: 'fitness', paper: published.mean, thisRun: s?.mean ?? null, note }),
    ];
  });
}

function executionTimeRows(trials: readonly Trial[]): ComparisonRow[] {
  const scaling = trialsOf(trials, 'scaling');
  return publishedExecutionTimes.rows.flatMap((published) =>
    Object.entries(published.minutes).map(([algorithm, minutes]) => {
      const runtimes = scaling
        .filter((trial) => trial.algorithm === algorithm && trial.ress === published.ress && trial.experiments === published.experiments && trial.runtime_ms !== null && trial.error === '')
        .map((trial) => trial.runtime_ms! / 60_000);
      const quirk = algorithm === 'simulated-annealing' ? '; the paper\'s SA ran LS here (§8 Quirk 1)' : '';
      return numericRow({
        quantity: `Mean execution time: ${algorithmLabel(algorithm)}, ${published.experiments} experiments, ${ressLabel(published.ress)}`,
        section: publishedExecutionTimes.section,
        unit: 'min',
        paper: minutes,
        thisRun: runtimes.length > 0 ? summarise(runtimes).mean : null,
        note: (runtimes.length > 0 ? `n = ${runtimes.length} runs; different hardware, compare ratios` : 'size not in this run') + quirk,
      }, true);
    }));
}

/** Mean of a measure per (RESS, size, algorithm) cell of the scaling study. */
function scalingCellMeans(trials: readonly Trial[], measure: (trial: Trial) => number | null): Map<string, Map<string, number>> {
  const cells = new Map<string, Map<string, number>>();
  const usable = trialsOf(trials, 'scaling').filter((trial) => succeeded(trial) && measure(trial) !== null);
  for (const [cell, members] of groupBy(usable, (trial) => `${trial.experiments} experiments, ${ressLabel(trial.ress)}`)) {
    const byAlgorithm = new Map<string, number>();
    for (const [algorithm, runs] of groupBy(members, (trial) => trial.algorithm)) byAlgorithm.set(algorithm, summarise(runs.map((trial) => measure(trial)!)).mean);
    cells.set(cell, byAlgorithm);
  }
  return cells;
}

/** The largest `score(ga, other)` over cells and other algorithms, and where it occurs. */
function largestGaAdvantage(cells: Map<string, Map<string, number>>, score: (ga: number, other: number) => number) {
  const perAlgorithm = new Map<string, { value: number; cell: string }>();
  for (const [cell, means] of cells) {
    const ga = means.get('genetic');
    if (ga === undefined) continue;
    for (const [algorithm, other] of means) {
      if (algorithm === 'genetic' || other <= 0) continue;
      const value = score(ga, other);
      const best = perAlgorithm.get(algorithm);
      if (!best || value > best.value) perAlgorithm.set(algorithm, { value, cell });
    }
  }
  const ordered = sortAlgorithms(perAlgorithm.keys()).map((algorithm) => ({ algorithm, ...perAlgorithm.get(algorithm)! }));
  const overall = ordered.reduce<(typeof ordered)[number] | undefined>((best, item) => (!best || item.value > best.value ? item : best), undefined);
  return { overall, ordered };
}

function headlineRows(trials: readonly Trial[]): ComparisonRow[] {
  const fitness = largestGaAdvantage(scalingCellMeans(trials, (trial) => trial.fitness), (ga, other) => ga / other - 1);
  const speed = largestGaAdvantage(scalingCellMeans(trials, (trial) => trial.runtime_ms), (ga, other) => other / ga);
  const detail = (items: typeof fitness.ordered, format: (value: number) => string) =>
    items.map((item) => `vs ${algorithmLabel(item.algorithm)}: ${format(item.value)} (${item.cell})`).join('; ');
  return [
    numericRow({
      quantity: 'GA fitness advantage over the other algorithms, largest (scaling study, mean per cell)',
      section: publishedHeadline.section,
      unit: '%',
      paper: publishedHeadline.gaFitnessAdvantage * 100,
      thisRun: fitness.overall ? fitness.overall.value * 100 : null,
      note: fitness.overall ? detail(fitness.ordered, (value) => `${(value * 100).toFixed(1)} %`) : 'no scaling study with GA and another algorithm',
    }),
    numericRow({
      quantity: 'GA speed-up over the other algorithms, largest (scaling study, mean runtime per cell)',
      section: publishedHeadline.section,
      unit: '×',
      paper: publishedHeadline.gaSpeedup,
      thisRun: speed.overall ? speed.overall.value : null,
      note: speed.overall ? detail(speed.ordered, (value) => `${value.toFixed(2)}×`) : 'no scaling study with GA and another algorithm',
    }),
  ];
}

function calibrationRows(trials: readonly Trial[]): ComparisonRow[] {
  const ga = gaCalibrationTrials(trials).filter(succeeded);
  const cells = [...groupBy(ga, (trial) => `${trial.population} × ${trial.generations}`)]
    .map(([cell, runs]) => ({ cell, mean: summarise(runs.map((trial) => trial.fitness!)).mean }));
  const best = cells.reduce<(typeof cells)[number] | undefined>((top, item) => (!top || item.mean > top.mean ? item : top), undefined);
  const chosenCell = `${publishedCalibration.population} × ${publishedCalibration.generations}`;
  const chosen = cells.find((item) => item.cell === chosenCell);
  return [{
    quantity: 'GA calibration: population × generations with the highest mean fitness',
    section: publishedCalibration.section,
    unit: '',
    paper: `${chosenCell} (chosen)`,
    thisRun: best ? `${best.cell} (mean F ${best.mean.toFixed(3)})` : null,
    difference: best && chosen ? chosen.mean - best.mean : null,
    ratio: null,
    note: best
      ? (chosen ? `difference = mean F of ${chosenCell} − best cell in this run` : `${chosenCell} not in this run's grid`)
      : 'no GA calibration in this run',
  }];
}
