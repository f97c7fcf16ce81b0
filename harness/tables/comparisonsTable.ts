import { toCsv } from '../output/csv.js';
import { holmAdjust } from '../stats/holmAdjustment.js';
import { mannWhitneyU } from '../stats/mannWhitney.js';
import { A12_THRESHOLDS_TEXT, a12Magnitude, varghaDelaneyA12 } from '../stats/varghaDelaney.js';
import { groupBy } from './groupBy.js';
import { PARAMETER_SWEEPS } from './parameterSweeps.js';
import type { TrialRow } from './trialRows.js';

/** The algorithm every other is compared with (the paper's claim is about the GA). */
export const REFERENCE_ALGORITHM = 'genetic';

const COLUMNS = [
  'study', 'experiments', 'ress', 'metric', 'algorithm_1', 'algorithm_2', 'n1', 'n2',
  'u1', 'u', 'p_value', 'p_method', 'p_holm', 'a12', 'magnitude', 'magnitude_thresholds',
] as const;

const METRICS: readonly { name: string; valueOf: (row: TrialRow) => number }[] = [
  { name: 'fitness', valueOf: (row) => row.fitness! },
  { name: 'runtime_s', valueOf: (row) => row.runtimeSeconds },
];

/**
 * comparisons.csv: the GA against each other algorithm, per study, size and RESS, on fitness
 * and on runtime (Arcuri & Briand): two-sided Mann–Whitney U (u1 = R's W; p exact for small
 * samples without ties, else normal with tie and continuity correction), Holm-adjusted over the
 * comparisons of the same study, size, RESS and metric, and Vargha–Delaney Â12 =
 * P(GA value > other value) with its magnitude. Calibration sweeps are not compared.
 * A pair needs at least one successful trial on each side.
 */
export function comparisonsTable(rows: readonly TrialRow[]): string {
  const successful = rows.filter((row) => row.fitness !== undefined && !PARAMETER_SWEEPS.has(row.kind));
  const output: Record<string, string | number | undefined>[] = [];
  for (const { key: [study, experiments, ress], items } of groupBy(successful, (row) => [row.study, row.experiments, row.ress])) {
    const byAlgorithm = groupBy(items, (row) => [row.algorithm]);
    const reference = byAlgorithm.find(({ key: [algorithm] }) => algorithm === REFERENCE_ALGORITHM);
    if (!reference) continue;
    const others = byAlgorithm.filter(({ key: [algorithm] }) => algorithm !== REFERENCE_ALGORITHM);
    for (const metric of METRICS) {
      const x = reference.items.map(metric.valueOf);
      const tests = others.map(({ key: [algorithm], items: otherItems }) => {
        const y = otherItems.map(metric.valueOf);
        return { algorithm, test: mannWhitneyU(x, y), a12: varghaDelaneyA12(x, y) };
      });
      const adjusted = holmAdjust(tests.map(({ test }) => test.pValue));
      tests.forEach(({ algorithm, test, a12 }, i) => output.push({
        study, experiments, ress,
        metric: metric.name,
        algorithm_1: REFERENCE_ALGORITHM,
        algorithm_2: algorithm,
        n1: test.n1,
        n2: test.n2,
        u1: test.u1,
        u: test.u,
        p_value: test.pValue,
        p_method: test.method,
        p_holm: adjusted[i],
        a12,
        magnitude: a12Magnitude(a12),
        magnitude_thresholds: A12_THRESHOLDS_TEXT,
      }));
    }
  }
  return toCsv(COLUMNS, output);
}
