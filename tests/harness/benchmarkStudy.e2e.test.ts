import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { planTrials } from '../../harness/plan/planTrials.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';

const CONFIG = join(PROJECT_ROOT, 'configs', 'benchmark-quick.json');
const out = join(mkdtempSync(join(tmpdir(), 'schedlab-benchmark-')), 'quick');
const csv = (relative: string) => parse(readFileSync(join(out, relative), 'utf8'), { columns: true }) as Record<string, string>[];

let run: { status: number | null; stderr: string; seconds: number };

describe('the benchmark study (configs/benchmark-quick.json, end to end)', () => {
  beforeAll(() => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'harness/cli/replicate.ts'), '--config', CONFIG, '--out', out], {
      cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000,
    });
    run = { status: result.status, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
  }, 120_000);

  it('runs in under a minute (figures and report included), every trial succeeds', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.seconds).toBeLessThan(60);
    const trials = csv('trials.csv');
    expect(trials).toHaveLength(planTrials(loadStudyConfig(CONFIG).config).length);
    expect(trials.filter((row) => row.error !== '').map((row) => `${row.trial_id}: ${row.error}`)).toEqual([]);
  });

  it('every algorithm and greedy-seeded variant, at an equal budget met to within 1 %', () => {
    const trials = csv('trials.csv');
    expect([...new Set(trials.map((row) => row.algorithm))]).toEqual([
      'greedy', 'random-sampling', 'genetic', 'local-search', 'simulated-annealing',
      'genetic+greedy', 'local-search+greedy', 'simulated-annealing+greedy', 'one-plus-one',
    ]);
    const budget = loadStudyConfig(CONFIG).config.studies[0].budget!.evaluations!;
    for (const row of trials) {
      if (row.algorithm === 'greedy') {
        expect(row.stopped_by, row.trial_id).toBe('steps');
        expect(Number(row.fitness)).toBe(Number(row.greedy_fitness));
        continue;
      }
      // a search may also stop at its target fitness (the GA's 1.0, reached from a perfect greedy start);
      // random sampling has a wall-time cap (configs/benchmark-quick.json), which a slow machine may reach
      expect(row.algorithm === 'random-sampling' ? ['evaluations', 'time'] : ['evaluations', 'target'], row.trial_id).toContain(row.stopped_by);
      if (row.stopped_by === 'evaluations') expect(Number(row.evaluations), row.trial_id).toBeGreaterThanOrEqual(budget);
      expect(Number(row.evaluations), row.trial_id).toBeLessThanOrEqual(budget * 1.01);
    }
  });

  it('greedy-seeded searches are never below the greedy; nothing exceeds the bound', () => {
    const trials = csv('trials.csv');
    for (const row of trials) {
      expect(Number(row.fitness), row.trial_id).toBeLessThanOrEqual(Number(row.upper_bound) + 1e-12);
      if (row.algorithm.endsWith('+greedy')) expect(Number(row.fitness), row.trial_id).toBeGreaterThanOrEqual(Number(row.greedy_fitness));
    }
  });

  it('traces carry the cumulative evaluations: each curve ends at its trial\'s count', () => {
    const trials = new Map(csv('trials.csv').map((row) => [row.trial_id, row]));
    const last = new Map<string, Record<string, string>>();
    for (const row of csv('traces.csv')) last.set(row.trial_id, row);
    expect(last.size).toBe(trials.size);
    for (const [id, row] of last) expect(row.evaluations, id).toBe(trials.get(id)!.evaluations);
  });

  it('writes the benchmark tables: per set, size and algorithm; ranks per family; instances with hardness', () => {
    const benchmark = csv('tables/benchmark.csv');
    expect(benchmark).toHaveLength(3 * 9);
    for (const row of benchmark) {
      expect(Number(row.n) + Number(row.failed)).toBe(2);
      expect(Number(row.mean_fitness)).toBeLessThanOrEqual(Number(row.best_known));
      expect(Number(row.best_known)).toBeLessThanOrEqual(Number(row.upper_bound) + 1e-12);
    }
    // the best known of each instance is reached (within 1 %) by at least one trial
    for (const set of new Set(benchmark.map((row) => row.set))) {
      expect(benchmark.filter((row) => row.set === set).some((row) => Number(row.reached) > 0), set).toBe(true);
    }
    const ranks = csv('tables/benchmark-ranks.csv');
    expect(new Set(ranks.map((row) => row.family))).toEqual(new Set(['load', 'contention']));
    const instances = csv('tables/instances.csv');
    expect(instances.map((row) => row.set)).toEqual(['bench/load/x1', 'bench/load/x4', 'bench/contention/c100']);
    for (const row of instances) {
      expect(Number(row.load)).toBeGreaterThan(0);
      expect(['true', 'false']).toContain(row.greedy_all_at_zero);
    }
  });
});

describe('the report of a benchmark run', () => {
  it('has the section "How good are these algorithms?" with its tables and both figures', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<h2 id="benchmark">'), html.indexOf('<h2 id="figures">'));
    expect(section).toContain('How good are these algorithms?');
    expect(section).toContain('400 evaluations; random-sampling capped at 10 s wall time');
    expect(section).toContain('<code>contention/c100</code>');
    for (const name of ['benchmark-gaps', 'benchmark-anytime']) {
      expect(section, name).toContain(`<figure data-figure="${name}">`);
      expect(readFileSync(join(out, 'figures', `${name}.svg`), 'utf8')).toMatch(/^<svg/);
    }
    // the benchmark's figures are not repeated in the general figure list
    expect(html.slice(html.indexOf('<h2 id="figures">'))).not.toContain('data-figure="benchmark-gaps"');
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('## How good are these algorithms?');
    expect(markdown).toMatch(/\| `load\/x4` \| 10 \| 0\.88 \| /);
  });
});
