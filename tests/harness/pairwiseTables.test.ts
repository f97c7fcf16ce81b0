import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../harness/output/csv.js';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { deriveTables } from '../../harness/tables/deriveTables.js';

// Two instances (10 and 20 experiments) × three algorithms × 5 runs, all values distinct:
// GA > LS > RS on fitness everywhere, so every Mann–Whitney has U1 = 25 (complete separation),
// exact two-sided p = 2 / C(10, 5) = 2/252, and Holm over the 3 pairs of an instance multiplies the
// smallest by 3, then 2, then 1 with the running maximum: all three become 6/252.
const trials: Record<string, string | number | boolean>[] = [];
for (const experiments of [10, 20]) {
  for (const [algorithm, base] of [['random-sampling', 0.3], ['genetic', 0.8], ['local-search', 0.5]] as const) {
    for (let r = 1; r <= 5; r++) {
      trials.push({
        trial_id: `scaling/${algorithm}/mid/n${experiments}/r${r}`, study: 'scaling', algorithm, experiments, ress: 'mid', repetition: r, seed: 1,
        fitness: base + r / 100 - experiments / 1000, valid: true, runtime_ms: 100 * r + (algorithm === 'genetic' ? 1000 : 0),
      });
    }
  }
}
const tables = deriveTables(toCsv(TRIALS_COLUMNS, trials));
const rowsOf = (name: string) => parse(tables.get(name)!, { columns: true }) as Record<string, string>[];

describe('all-pairs statistics from trials.csv', () => {
  it('pairwise.csv: every pair per instance and metric, exact Mann–Whitney, Holm over the pairs, Â12 and the better one', () => {
    const fitness = rowsOf('pairwise').filter((row) => row.metric === 'fitness');
    expect(fitness.map((row) => `${row.experiments}:${row.algorithm_1}-${row.algorithm_2}`)).toEqual([
      '10:random-sampling-genetic', '10:random-sampling-local-search', '10:genetic-local-search',
      '20:random-sampling-genetic', '20:random-sampling-local-search', '20:genetic-local-search',
    ]);
    for (const row of fitness) {
      expect(Number(row.p_value)).toBeCloseTo(2 / 252, 12);
      expect(row.p_method).toBe('exact');
      expect(Number(row.p_holm)).toBeCloseTo(6 / 252, 12);
    }
    expect(fitness[0]).toMatchObject({ a12: '0', magnitude: 'large', better: 'genetic', n1: '5', n2: '5' });
    expect(fitness[2]).toMatchObject({ a12: '1', better: 'genetic' });
    // runtime: lower is better; RS vs LS run equally long (tied samples): no difference
    const runtime = rowsOf('pairwise').filter((row) => row.metric === 'runtime_s');
    expect(runtime[0].better).toBe('random-sampling');
    expect(runtime[1]).toMatchObject({ a12: '0.5', better: '' });
  });

  it('win-tie-loss.csv counts significant wins, ties and losses over the instances', () => {
    const rows = rowsOf('win-tie-loss').filter((row) => row.metric === 'fitness');
    const of = (algorithm: string, opponent: string) => rows.find((row) => row.algorithm === algorithm && row.opponent === opponent)!;
    expect(of('genetic', 'local-search')).toMatchObject({ instances: '2', wins: '2', ties: '0', losses: '0' });
    expect(of('random-sampling', 'genetic')).toMatchObject({ wins: '0', losses: '2' });
    expect(rows).toHaveLength(6);
  });

  it('friedman.csv and ranks.csv: average ranks over the instances and the Nemenyi critical difference', () => {
    const ranks = rowsOf('ranks').filter((row) => row.metric === 'fitness');
    expect(ranks.map((row) => [row.algorithm, Number(row.mean_rank)])).toEqual([['random-sampling', 3], ['genetic', 1], ['local-search', 2]]);
    const [friedman] = rowsOf('friedman').filter((row) => row.metric === 'fitness');
    // χ²_F = 12·2/(3·4)·(1 + 4 + 9 − 12) = 4 with 2 df: p = exp(−2)
    expect(Number(friedman.chi_square)).toBeCloseTo(4, 12);
    expect(Number(friedman.p_value)).toBeCloseTo(Math.exp(-2), 10);
    expect(friedman).toMatchObject({ instances: '2', algorithms: 'random-sampling genetic local-search', left_out: '' });
    // q_0.05 for k = 3 is 2.343 (Demšar, Table 5a): CD = 2.343·√(3·4 / (6·2))
    expect(Number(friedman.critical_difference)).toBeCloseTo(2.3437, 3);
  });

  it('leaves out algorithms missing from an instance and studies with a single instance', () => {
    const withGap = trials.filter((row) => !(row.algorithm === 'local-search' && row.experiments === 20));
    const gapped = deriveTables(toCsv(TRIALS_COLUMNS, withGap));
    const [friedman] = parse(gapped.get('friedman')!, { columns: true }) as Record<string, string>[];
    expect(friedman).toMatchObject({ algorithms: 'random-sampling genetic', left_out: 'local-search' });
    const single = deriveTables(toCsv(TRIALS_COLUMNS, trials.filter((row) => row.experiments === 10)));
    expect(single.get('friedman')!.trim().split('\n')).toHaveLength(1);
  });
});
