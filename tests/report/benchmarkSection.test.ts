import { describe, expect, it } from 'vitest';
import { algorithmColorScale, algorithmStyle, sortAlgorithms } from '../../harness/report/algorithmColors.js';
import { benchmarkBudget, benchmarkFinding, benchmarkSection, bestOfRow, formatFamilyCell, formatGapCell, type BenchmarkTableRow } from '../../harness/report/benchmarkSection.js';
import { ConvergenceCollector, logSteps } from '../../harness/report/convergenceSummary.js';
import { anytimePanels, stepChangePoints, type AnytimeRow } from '../../harness/report/figures/benchmarkAnytime.js';
import { gapPoints, startOf } from '../../harness/report/figures/benchmarkGaps.js';

const row = (set: string, experiments: number, algorithm: string, meanGap: number | null, extra: Partial<BenchmarkTableRow> = {}): BenchmarkTableRow => {
  const [, family, level] = set.split('/');
  return {
    family, level, set, experiments, algorithm, n: 3, failed: 0, mean_fitness: meanGap === null ? null : 0.9 * (1 - meanGap),
    best_known: 0.9, mean_gap_to_best: meanGap === null ? null : meanGap / 2, sd_gap_to_best: 0.005,
    upper_bound: 0.9, mean_gap: meanGap, sd_gap: 0.01, reached: 1, median_evaluations_to_target: 100, mean_rank: 1, load: 0.2, peak_load: 0.88,
    ...extra,
  };
};

const rows = [
  row('bench/load/x1', 10, 'greedy', 0, { mean_rank: 1.5 }), row('bench/load/x1', 10, 'genetic', 0.3, { mean_rank: 3 }), row('bench/load/x1', 10, 'genetic+greedy', 0, { mean_rank: 1.5 }),
  row('bench/load/x4', 10, 'greedy', 0.1, { mean_rank: 2 }), row('bench/load/x4', 10, 'genetic', null, { n: 0, failed: 3, mean_rank: 3 }), row('bench/load/x4', 10, 'genetic+greedy', 0.05, { mean_rank: 1 }),
  row('bench/load/x1', 30, 'greedy', 0.02), row('bench/load/x1', 30, 'genetic', 0.4), row('bench/load/x1', 30, 'genetic+greedy', 0.01),
  row('bench/groups/g1', 10, 'greedy', 0.06, { peak_load: 1.1 }), row('bench/groups/g1', 10, 'genetic', 0.5, { peak_load: 1.1 }), row('bench/groups/g1', 10, 'genetic+greedy', 0.06, { peak_load: 1.1 }),
];

describe('the section "How good are these algorithms?"', () => {
  const section = benchmarkSection(rows, '10000 evaluations');

  it('lists every instance with its best known, bound and each algorithm\'s mean gap ± sd', () => {
    expect(section.gapsToBound).toBe(true);
    expect(section.algorithms).toEqual(['genetic', 'genetic+greedy', 'greedy']);
    expect(section.instances.map((instance) => `${instance.family}/${instance.level} n${instance.experiments}`)).toEqual([
      'load/x1 n10', 'load/x4 n10', 'load/x1 n30', 'groups/g1 n10',
    ]);
    const x4 = section.instances[1];
    expect(formatGapCell(x4.cells.get('genetic+greedy'))).toBe('5.0 % ± 1.0');
    expect(formatGapCell(x4.cells.get('genetic'))).toBe('failed ×3');
    expect(formatGapCell(undefined)).toBe('—');
    expect([...bestOfRow(section.instances[0].cells)]).toEqual(['greedy', 'genetic+greedy']);
  });

  it('averages each family and size over its levels: mean gap and mean rank', () => {
    const load10 = section.families.find((family) => family.family === 'load' && family.experiments === 10)!;
    expect(load10.instances).toBe(2);
    expect(load10.cells.get('greedy')!.meanGap).toBeCloseTo(0.05, 12);
    expect(load10.cells.get('greedy')!.meanRank).toBeCloseTo(1.75, 12);
    // a failed instance does not count in the mean gap, its failures are reported
    expect(load10.cells.get('genetic')).toMatchObject({ meanGap: 0.3, failed: 3 });
    expect(formatFamilyCell(load10.cells.get('greedy'))).toBe('5.0 % · rank 1.8');
    expect(section.families.map((family) => `${family.family} n${family.experiments}`)).toEqual(['load n10', 'load n30', 'groups n10']);
  });

  it('says on which instances the greedy is ≥ 5 % below the bound, and whether anything beat it there', () => {
    // hand-computed: greedy gaps 0, 0.1, 0.02, 0.06 → load/x4 and groups/g1 at 10; GA+greedy 0.05 < 0.1 beats it on load/x4 only
    expect(benchmarkFinding(section)).toBe(
      'The greedy is 5.0 % or more below the certified bound on 2 of 4 instances of 2 families, 10 and 30 experiments: ' +
      'load/x4 at 10 (10.0 %), groups/g1 at 10 (6.0 %). On 1 of them some algorithm\'s mean gap is smaller than the greedy\'s; ' +
      'where none is, either the bound or every algorithm is loose — the instances where a new algorithm has something to show.');
    const close = benchmarkSection(rows.map((r) => (r.algorithm === 'greedy' ? { ...r, mean_gap: 0.01 } : r)), 'x');
    expect(benchmarkFinding(close)).toBe('No instance was found on which the greedy is 5.0 % or more below the certified bound (tried: 4 instances of 2 families, 10 and 30 experiments).');
    expect(benchmarkFinding(benchmarkSection(rows.map((r) => ({ ...r, upper_bound: null, mean_gap: null, sd_gap: null })), 'x'))).toBe('');
  });

  it('uses the gap to the best known when the run has no bounds', () => {
    const unbounded = benchmarkSection(rows.map((r) => ({ ...r, upper_bound: null, mean_gap: null, sd_gap: null })), 'x');
    expect(unbounded.gapsToBound).toBe(false);
    expect(unbounded.instances[0].cells.get('genetic')!.meanGap).toBeCloseTo(0.15, 12);
  });

  it('reads the budget from the manifest\'s config', () => {
    expect(benchmarkBudget({ config: { content: { studies: [{ name: 'benchmark', budget: { evaluations: 10000, seconds: 10 } }] } } })).toBe('10000 evaluations, 10 s wall-time cap');
    expect(benchmarkBudget({ config: { content: { studies: [{ name: 'benchmark', budget: { evaluations: 10000 }, algorithms: [{ name: 'greedy' }, { name: 'random-sampling', wallTimeCap: { seconds: 10 } }] }] } } }))
      .toBe('10000 evaluations; random-sampling capped at 10 s wall time');
    expect(benchmarkBudget({})).toBe('the budget in manifest.json');
  });
});

describe('the benchmark figures\' data', () => {
  it('gap vs hardness: one point per algorithm and instance, in percent, with how it starts', () => {
    const points = gapPoints(rows);
    expect(points).toHaveLength(11); // the failed GA on load/x4 has no gap
    expect(points[1]).toEqual({ algorithm: 'GA', start: 'random start', instance: 'load/x1', experiments: '10 experiments', peakLoad: 0.88, gap: 30 });
    expect([startOf('greedy'), startOf('local-search+greedy'), startOf('one-plus-one')]).toEqual(['constructive', 'greedy start', 'random start']);
  });

  it('anytime curves keep the points a step-after line needs: first, every change of the median, last', () => {
    const point = (label: string, step: number, median: number): AnytimeRow => ({ algorithm: label, step, n: 3, median, q1: median - 0.1, q3: median + 0.1, panel: 'p', label, start: 'random start', bound: 0.9 });
    const rows = [point('GA', 1, 0.5), point('GA', 2, 0.5), point('GA', 3, 0.6), point('GA', 4, 0.6), point('GA', 5, 0.6), point('LS', 1, 0.4), point('LS', 2, 0.4)];
    expect(stepChangePoints(rows).map((row) => `${row.label}@${row.step}=${row.median}`)).toEqual(['GA@1=0.5', 'GA@3=0.6', 'GA@5=0.6', 'LS@1=0.4', 'LS@2=0.4']);
    // only what the figure draws: no quartiles, counts or algorithm ids
    expect(Object.keys(stepChangePoints(rows)[0]).sort()).toEqual(['bound', 'label', 'median', 'panel', 'start', 'step']);
  });

  it('anytime panels: the hardest level of each family at the largest size', () => {
    expect(anytimePanels(rows).map((panel) => panel.title)).toEqual(['load/x1, 30 experiments']);
    expect(anytimePanels(rows.filter((r) => r.experiments === 10)).map((panel) => panel.title)).toEqual(['load/x4, 10 experiments', 'groups/g1, 10 experiments']);
  });

  it('log-spaced evaluation grid; a constructive algorithm\'s single point is drawn on to the longest run', () => {
    expect(logSteps(1000, 4)).toEqual([1, 10, 100, 1000]);
    expect(logSteps(1, 10)).toEqual([1]);
    const collector = new ConvergenceCollector();
    collector.add('greedy', 'g', 10, 0.9);
    collector.add('genetic', 'a', 40, 0.5);
    collector.add('genetic', 'a', 1000, 0.8);
    const points = collector.summarise(4, logSteps, true);
    expect(points.filter((point) => point.algorithm === 'greedy').map((point) => [point.step, point.median])).toEqual([[10, 0.9], [100, 0.9], [1000, 0.9]]);
    expect(points.filter((point) => point.algorithm === 'genetic').map((point) => [point.step, point.median])).toEqual([[100, 0.5], [1000, 0.8]]);
  });
});

describe('colours of the benchmark\'s algorithms', () => {
  it('greedy and the (1+1) EA have their own; a greedy-seeded variant keeps its algorithm\'s colour and sorts after it', () => {
    expect(algorithmStyle('greedy').label).toBe('greedy');
    expect(algorithmStyle('one-plus-one').label).toBe('(1+1) EA');
    expect(algorithmStyle('genetic+greedy')).toEqual({ label: 'GA+greedy', color: algorithmStyle('genetic').color });
    expect(sortAlgorithms(['greedy', 'local-search+greedy', 'genetic', 'local-search', 'genetic+greedy'])).toEqual(['genetic', 'genetic+greedy', 'local-search', 'local-search+greedy', 'greedy']);
    expect(algorithmColorScale(['genetic', 'genetic+greedy']).domain).toEqual(['GA', 'GA+greedy']);
  });
});
