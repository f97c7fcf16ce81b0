import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';

/**
 * A config with two studies of one kind under free names ("scaling" and "scaling-low-budget", both
 * of kind scaling) runs end to end: both reach trials.csv with their kind, every kind table and the
 * per-study figures, and a rerun resumes the whole journal.
 */
const scratch = mkdtempSync(join(tmpdir(), 'schedlab-kinds-'));
const out = join(scratch, 'out');
const study = (name: string, generations: number, kind?: string) => ({
  name, ...(kind ? { kind } : {}), sizes: [10, 15], ress: ['mid'], repetitions: 2,
  algorithms: [{ name: 'random-sampling', params: { populationSize: 10 } }, { name: 'genetic', params: { populationSize: 10, generations } }],
});
const configPath = join(scratch, 'two-scaling.json');
writeFileSync(configPath, JSON.stringify({ data: 'builtin', baseSeed: 11, studies: [study('scaling', 10), study('scaling-low-budget', 2, 'scaling')] }));

const replicate = (...more: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'harness/cli/replicate.ts'), '--config', configPath, '--out', out, ...more], { cwd: PROJECT_ROOT, encoding: 'utf8' });
const csv = (file: string) => parse(readFileSync(join(out, file), 'utf8'), { columns: true }) as Record<string, string>[];

describe('two studies of kind scaling in one config', () => {
  let first: ReturnType<typeof replicate>;
  beforeAll(() => {
    first = replicate();
  }, 120_000);

  it('runs every trial of both, each with its kind', () => {
    expect(first.status, first.stderr).toBe(0);
    const trials = csv('trials.csv');
    expect(trials).toHaveLength(16);
    expect([...new Set(trials.map((row) => `${row.study}:${row.kind}`))]).toEqual(['scaling:scaling', 'scaling-low-budget:scaling']);
    expect(trials.every((row) => row.error === '' && row.valid === 'true')).toBe(true);
    expect(trials.filter((row) => row.study === 'scaling-low-budget').map((row) => row.trial_id)).toContain('scaling-low-budget/genetic/mid/n15/r2');
  });

  it('puts both in the tables of the kind and in the per-study tables', () => {
    expect(csv('tables/ga-advantage.csv').map((row) => `${row.study}/${row.experiments}`)).toEqual(['scaling/10', 'scaling/15', 'scaling-low-budget/10', 'scaling-low-budget/15']);
    expect(new Set(csv('tables/fitness.csv').map((row) => row.study))).toEqual(new Set(['scaling', 'scaling-low-budget']));
    expect(new Set(csv('tables/friedman.csv').map((row) => row.study))).toEqual(new Set(['scaling', 'scaling-low-budget']));
    // the low budget shows: the GA of 2 generations is behind the GA of 10 in every cell
    const advantage = csv('tables/ga-advantage.csv');
    for (const size of ['10', '15']) {
      const mean = (name: string) => Number(advantage.find((row) => row.study === name && row.experiments === size)!.ga_mean);
      expect(mean('scaling-low-budget')).toBeLessThan(mean('scaling'));
    }
  });

  it('draws each scaling study\'s figures, the one named after its kind under the plain name', () => {
    for (const stem of ['fitness-scaling', 'fitness-scaling--scaling-low-budget', 'runtime-scaling', 'runtime-scaling--scaling-low-budget']) {
      expect(existsSync(join(out, 'figures', `${stem}.svg`)), stem).toBe(true);
    }
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('Fitness vs number of experiments (study scaling-low-budget)');
    expect(report).toContain('Scaling study scaling-low-budget (spec §11)');
    expect(JSON.parse(readFileSync(join(out, 'figures', 'fitness-scaling--scaling-low-budget.vl.json'), 'utf8')).data.values.length).toBe(4); // 2 algorithms × 2 sizes
  });

  it('resumes: a rerun finds every trial of both studies in the journal', () => {
    const again = replicate('--no-figures');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr + again.stdout).toMatch(/16 already in the journal/);
    expect(again.stderr + again.stdout).toMatch(/0 trial\(s\) run/);
  });
});
