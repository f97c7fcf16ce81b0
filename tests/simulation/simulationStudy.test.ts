import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';
import { runSimulationStudy } from '../../harness/simulation/runSimulationStudy.js';
import { loadSimulationConfig, parseSimulationConfig } from '../../harness/simulation/simulationConfig.js';
import { planSimulationRuns } from '../../harness/simulation/simulationPlan.js';
import { runTsx } from '../support/runCommand.js';
import { writeTinySimulationConfig } from '../support/tinySimulation.js';

const QUICK = join(PROJECT_ROOT, 'configs', 'simulation-quick.json');
const FIGURES = ['outcome-vs-replanning', 'outcome-vs-forecast', 'run-timeline'];
const DETERMINISTIC_FILES = ['simulations.csv', 'experiments.csv', 'events.csv', 'summary.csv', 'replanning-gain.csv', 'best-algorithm.csv', 'report.md'];

const tinyConfig = (dir: string): string => writeTinySimulationConfig(dir);

describe('simulation study', () => {
  it('same seed → byte-identical simulations.csv and every derived file, with 1 or 2 worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulation-'));
    const loaded = loadSimulationConfig(tinyConfig(dir));
    // figures: the quick config's test below renders and compares them
    await runSimulationStudy(loaded, { out: join(dir, 'a'), figures: false });
    await runSimulationStudy(loaded, { out: join(dir, 'b'), workers: 2, figures: false });
    for (const file of DETERMINISTIC_FILES) expect(readFileSync(join(dir, 'b', file), 'utf8'), file).toBe(readFileSync(join(dir, 'a', file), 'utf8'));
    const rows = parse(readFileSync(join(dir, 'a', 'simulations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.run_id)).toEqual(planSimulationRuns(loaded.config).map((run) => run.id));
    // the same world for every planner of a repetition: same arrivals, so the same number of experiments before fixes
    expect(new Set(rows.map((row) => Number(row.experiments) - Number(row.fixes))).size).toBe(1);
    expect(rows.every((row) => row.capacity_overruns === '0')).toBe(true);
  });

  it('npm run simulate runs the quick config end to end in seconds, with its figures; the same seed gives the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulate-cli-'));
    const started = Date.now();
    const result = runTsx('harness/cli/simulate.ts', ['--config', QUICK, '--out', dir]);
    expect(result.stderr).toContain('16 simulated runs');
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.stdout).toMatch(/^16 runs in \d[\d.]* (s|min)[^,]*, 0 capacity overruns → /);
    const rows = parse(readFileSync(join(dir, 'simulations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((row) => row.algorithm))).toEqual(new Set(['greedy', 'random-sampling']));
    const manifest = JSON.parse(readFileSync(join(dir, 'simulation.json'), 'utf8')) as { kind: string; runs: number; config: { sha256: string }; code: { sources: string } };
    expect(manifest).toMatchObject({ kind: 'simulation', runs: 16 });
    expect(manifest.code.sources).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('Realised capacity overruns over all runs: **0**');
    // provenance in the report: commit, simulator code, the config from the project root, however it was given
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^Made at commit [0-9a-f]{12}( with uncommitted changes)? \(simulator code [0-9a-f]{16}\) from `configs\/simulation-quick\.json` \(sha256 [0-9a-f]{12}\); the same command — `npm run replicate -- --config configs\/simulation-quick\.json` — gives these bytes again/m);
    const timings = parse(readFileSync(join(dir, 'timings.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(timings.map((row) => row.run_id)).toEqual(rows.map((row) => row.run_id));
    // the figures: rendered into figures/, linked from the report, listed in the manifest
    const figureFiles = FIGURES.flatMap((name) => ['.vl.json', '.svg', '.png', '.pdf'].map((extension) => `figures/${name}${extension}`));
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const name of FIGURES) expect(report).toContain(`(figures/${name}.png)`);
    for (const file of figureFiles) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(readFileSync(join(dir, 'figures', 'run-timeline.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*Timeline of one simulated run: truth\/poisson1low\/hazard0\.002\/replan24\/greedy\/r1/);
    expect((manifest as unknown as { figures: { name: string }[] }).figures.map((figure) => figure.name)).toEqual(FIGURES);
    // again in this process, one thread: byte-identical files, figures included
    const again = join(dir, 'again');
    await runSimulationStudy(loadSimulationConfig(QUICK), { out: again, workers: 1 });
    for (const file of [...DETERMINISTIC_FILES, ...figureFiles]) expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file))), file).toBe(true);
  });

  it('--help describes the command; a bad config is one line naming file and field', () => {
    const help = runTsx('harness/cli/simulate.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--config');
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulate-bad-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ baseSeed: 1, repetitions: 1, scenario: { hours: 0, experiments: { set: 'mid:3' }, planner: { algorithm: { name: 'greedy' } } } }));
    const result = runTsx('harness/cli/simulate.ts', ['--config', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: ${bad}: scenario.hours: must be ≥ 1\n`);
  });

  it('checks algorithms, their parameters and the profile length before anything runs', () => {
    const config = (planner: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ baseSeed: 1, repetitions: 1, scenario: { hours: 10, experiments: { set: 'mid:3' }, planner, ...extra } });
    expect(() => parseSimulationConfig(config({ algorithm: { name: 'tabu' } }), 'x.json')).toThrow(/^x\.json: scenario\.planner\.algorithm\.name: unknown algorithm "tabu"/);
    expect(() => parseSimulationConfig(config({ algorithm: { name: 'genetic', params: { generation: 3 } } }), 'x.json')).toThrow(/^x\.json: scenario\.planner\.algorithm\.params/);
    expect(() => parseSimulationConfig(config({ algorithm: { name: 'greedy' }, replanEveryHours: 0 }), 'x.json')).toThrow(/^x\.json: scenario\.planner\.replanEveryHours: must be an integer ≥ 1 or null/);
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulate-long-'));
    const long = join(dir, 'long.json');
    writeFileSync(long, config({ algorithm: { name: 'greedy' } }, { hours: 9000 }));
    const result = runTsx('harness/cli/simulate.ts', ['--config', long, '--dry-run']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: .*long\.json: scenario: startHour 336 \+ hours 9000 .* but the profile \(builtin profile\) has 8274\n$/);
  });
});
