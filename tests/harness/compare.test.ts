import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../algorithms/random/rng.js';
import { compareResults } from '../../harness/compare/compareResults.js';
import { toCsv } from '../../harness/output/csv.js';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { parseTrialRows } from '../../harness/tables/trialRows.js';
import { runTsx } from '../support/runCommand.js';

/** trials.csv of a made-up scaling study: 4 algorithms × 3 sizes × 2 sets × 10 runs, fitness = level + uniform noise. */
function trialsCsv(seed: number, weakened?: string): string {
  const rng = Rng.fromSeed(seed);
  const levels: Record<string, number> = { 'random-sampling': 0.3, genetic: 0.7, 'local-search': 0.55, 'simulated-annealing': 0.55 };
  const rows = [];
  for (const experiments of [10, 20, 30]) for (const ress of ['low', 'mid']) for (const algorithm of Object.keys(levels)) for (let r = 1; r <= 10; r++) {
    const fitness = levels[algorithm] - (algorithm === weakened ? 0.1 : 0) + (rng.float() - 0.5) * 0.1;
    rows.push({ trial_id: `scaling/${algorithm}/${ress}/n${experiments}/r${r}`, study: 'scaling', algorithm, experiments, ress, repetition: r, seed: r, fitness, valid: true, runtime_ms: 100 + rng.below(20) });
  }
  return toCsv(TRIALS_COLUMNS, rows);
}

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compare two results folders', () => {
  it('flags nothing between two samples of the same algorithms, and flags a weakened one in every cell', () => {
    const same = compareResults(parseTrialRows(trialsCsv(1)), parseTrialRows(trialsCsv(2)));
    const fitness = same.cells.filter((cell) => cell.metric === 'fitness');
    expect(fitness).toHaveLength(24);
    expect(fitness.filter((cell) => cell.flag !== '')).toEqual([]);
    const weakened = compareResults(parseTrialRows(trialsCsv(1)), parseTrialRows(trialsCsv(2, 'local-search')));
    const flagged = weakened.cells.filter((cell) => cell.metric === 'fitness' && cell.flag !== '');
    expect(flagged.map((cell) => cell.algorithm)).toEqual(Array(6).fill('local-search'));
    for (const cell of flagged) {
      expect(cell.flag).toBe('B worse');
      expect(cell.difference).toBeLessThan(-0.05);
      expect(cell.a12).toBeLessThan(0.2);
    }
  });

  it('lists cells only one folder has', () => {
    const a = parseTrialRows(trialsCsv(1));
    const b = parseTrialRows(trialsCsv(2)).filter((row) => row.experiments !== 30);
    const comparison = compareResults(a, b);
    expect(comparison.onlyInA).toHaveLength(8);
    expect(comparison.onlyInA[0]).toBe('scaling/random-sampling/30/low');
    expect(comparison.onlyInB).toEqual([]);
  });

  it('npm run compare prints both folders, the counts and the flagged cells, and writes every cell with --out', () => {
    for (const [name, csv] of [['a', trialsCsv(1)], ['b', trialsCsv(2, 'genetic')]] as const) {
      mkdirSync(join(scratch, name), { recursive: true });
      writeFileSync(join(scratch, name, 'trials.csv'), csv);
    }
    const out = join(scratch, 'compare.csv');
    const result = runTsx('harness/cli/compare.ts', [join(scratch, 'a'), join(scratch, 'b'), '--metric', 'fitness', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('fitness: 24 cells compared, 6 flagged at α = 0.05 after Holm (0 B better, 6 B worse)');
    expect(result.stdout).toMatch(/\| scaling \| genetic \| 10 \| low \|/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + 48);
    const missing = runTsx('harness/cli/compare.ts', [join(scratch, 'a'), join(scratch, 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\/trials\.csv: not found/);
  });
});
