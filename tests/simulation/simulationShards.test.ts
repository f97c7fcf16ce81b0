import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSimulations } from '../../harness/merge/mergeSimulations.js';
import { runSimulationStudy } from '../../harness/simulation/runSimulationStudy.js';
import { loadSimulationConfig } from '../../harness/simulation/simulationConfig.js';
import { parseRun, serializeRun } from '../../harness/simulation/simulationJournal.js';
import { planSimulationRuns } from '../../harness/simulation/simulationPlan.js';
import { runTsx } from '../support/runCommand.js';
import { writeTinySimulationConfig } from '../support/tinySimulation.js';

const DERIVED = ['simulations.csv', 'experiments.csv', 'events.csv', 'summary.csv', 'replanning-gain.csv', 'best-algorithm.csv', 'report.md'];
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(dir, 'simulation.json')) as { status: string; shard?: string; runs: number; missing?: number; journal: { runs: number } };
const journalIds = (dir: string): string[] => read(dir, 'runs.jsonl').trim().split('\n').map((line) => parseRun(line)!.run);

describe('a simulation study through npm run replicate: shards, merge, figures', () => {
  it('two shards merged write the tables and report of one whole run, byte for byte; one shard alone is partial', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulation-shards-'));
    const config = writeTinySimulationConfig(dir, { repetitions: 2 });
    const plan = planSimulationRuns(loadSimulationConfig(config).config).map((run) => run.id);
    expect(plan).toHaveLength(8);
    // the shards through the replicate command, as a user (or a Slurm array) runs them
    for (const shard of ['1/2', '2/2']) {
      const result = runTsx('harness/cli/replicate.ts', ['--config', config, '--shard', shard, '--out', join(dir, `shard-${shard[0]}`), '--workers', '1']);
      expect(result.stderr + result.stdout, shard).toContain(`shard ${shard}`);
      // progress (a log, not a terminal): the last line of the slice's 4 runs, with the time taken
      expect(result.stderr).toMatch(/^\[4\/4\] \d[\d.]* s elapsed · \S+\/r[12] \(\d+\.\d s\)$/m);
      expect(result.status, result.stderr).toBe(0);
    }
    // shard i of N holds every N-th run from the i-th, its journal only: the tables need every run
    expect(journalIds(join(dir, 'shard-1'))).toEqual(plan.filter((_, index) => index % 2 === 0));
    expect(journalIds(join(dir, 'shard-2'))).toEqual(plan.filter((_, index) => index % 2 === 1));
    expect(manifestOf(join(dir, 'shard-1'))).toMatchObject({ status: 'partial', shard: '1/2', runs: 8, missing: 0, journal: { runs: 4 } });
    expect(existsSync(join(dir, 'shard-1', 'summary.csv'))).toBe(false);

    // one shard merged alone: the journal and a partial simulation.json saying how many are missing
    const half = await mergeSimulations([join(dir, 'shard-1')], join(dir, 'half'), { figures: false });
    expect(half).toMatchObject({ status: 'partial', planned: 8, missing: 4 });
    expect(manifestOf(join(dir, 'half'))).toMatchObject({ status: 'partial', missing: 4 });
    expect(existsSync(join(dir, 'half', 'summary.csv'))).toBe(false);

    // both, through the merge command: complete, equal to the whole study run at once
    const merged = runTsx('harness/cli/merge.ts', [join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged'), '--no-figures']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('merged 8 of 8 simulated runs');
    await runSimulationStudy(loadSimulationConfig(config), { out: join(dir, 'whole'), figures: false });
    for (const file of DERIVED) expect(read(join(dir, 'merged'), file), file).toBe(read(join(dir, 'whole'), file));
    expect(journalIds(join(dir, 'merged'))).toEqual(plan);
    expect(manifestOf(join(dir, 'merged'))).toMatchObject({ status: 'complete', journal: { runs: 8 } });
    expect(manifestOf(join(dir, 'merged')).shard).toBeUndefined();

    // the half-merged folder completed by merging the other shard into it
    const completed = await mergeSimulations([join(dir, 'shard-2')], join(dir, 'half'), { figures: false });
    expect(completed).toMatchObject({ status: 'complete', missing: 0 });
    expect(read(join(dir, 'half'), 'summary.csv')).toBe(read(join(dir, 'whole'), 'summary.csv'));

    // figures: a shard is refused; a complete folder gets its figures from the journal, nothing simulated again
    const refused = runTsx('harness/cli/figures.ts', [join(dir, 'shard-1')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*shard-1 holds shard 1\/2 of a study: its figures need every run/m);
    const figures = runTsx('harness/cli/figures.ts', [join(dir, 'merged')]);
    expect(figures.status, figures.stderr).toBe(0);
    expect(figures.stdout).toContain('of 8 simulated runs');
    expect(existsSync(join(dir, 'merged', 'figures', 'run-timeline.svg'))).toBe(true);
    expect(read(join(dir, 'merged'), 'simulations.csv')).toBe(read(join(dir, 'whole'), 'simulations.csv'));
  }, 120_000);

  it('merge refuses other configs and two different results of one run; replicate refuses the options of trial studies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulation-merge-'));
    const config = writeTinySimulationConfig(dir, { sweep: { replanEveryHours: [null, 24] } });
    const other = writeTinySimulationConfig(dir, { baseSeed: 8, file: 'other.json', sweep: { replanEveryHours: [null, 24] } });
    await runSimulationStudy(loadSimulationConfig(config), { out: join(dir, 'a'), figures: false, shard: { index: 1, count: 2 } });
    await runSimulationStudy(loadSimulationConfig(other), { out: join(dir, 'b'), figures: false, shard: { index: 2, count: 2 } });
    await expect(mergeSimulations([join(dir, 'a'), join(dir, 'b')], join(dir, 'm'))).rejects.toThrow(/simulation\.json: config\.sha256: .* ran another config than .*: only runs of one config can be merged/);

    // a record of the same run and code whose result differs (a journal altered, or a simulator that is not deterministic)
    await runSimulationStudy(loadSimulationConfig(config), { out: join(dir, 'c'), figures: false, shard: { index: 1, count: 2 } });
    const line = read(join(dir, 'c'), 'runs.jsonl').trim().split('\n')[0];
    const record = parseRun(line)!;
    const altered = { ...record, result: { ...record.result, outcome: { ...record.result.outcome, completed: record.result.outcome.completed + 1 } } };
    writeFileSync(join(dir, 'c', 'runs.jsonl'), `${serializeRun(altered)}\n`);
    await expect(mergeSimulations([join(dir, 'a'), join(dir, 'c')], join(dir, 'n'))).rejects.toThrow(new RegExp(`runs\\.jsonl: ${record.run.replace(/[.+/]/g, '\\$&')}: two different results of one run`));

    // a damaged line is not dropped silently: the merge says so, and its run counts as missing
    await runSimulationStudy(loadSimulationConfig(config), { out: join(dir, 'd'), figures: false, shard: { index: 2, count: 2 } });
    writeFileSync(join(dir, 'd', 'runs.jsonl'), read(join(dir, 'd'), 'runs.jsonl').replace('"fingerprint":"', '"fingerprint":"x'));
    const warnings: string[] = [];
    const damaged = await mergeSimulations([join(dir, 'a'), join(dir, 'd')], join(dir, 'o'), { figures: false, log: (line) => warnings.push(line) });
    expect(damaged).toMatchObject({ status: 'partial', missing: 1 });
    expect(warnings).toEqual(['warning: 1 damaged journal line skipped (their runs count as missing)']);

    // a shard into a folder holding the other shard: refused, the folder untouched
    await expect(runSimulationStudy(loadSimulationConfig(config), { out: join(dir, 'a'), figures: false, shard: { index: 2, count: 2 } })).rejects.toThrow(/this folder holds shard 1\/2, not shard 2\/2: give another --out/);

    const unfit = runTsx('harness/cli/replicate.ts', ['--config', config, '--only', 'x', '--dry-run']);
    expect(unfit.status).toBe(1);
    expect(unfit.stderr).toMatch(/tiny\.json: --only does not apply to a simulation study/);
    // "fenrir-if-present" resolves as for trial studies: the package's data when ../shared/data/fenrir is there
    const present = runTsx('harness/cli/replicate.ts', ['--config', config, '--data', 'fenrir-if-present', '--dry-run']);
    expect(present.status, present.stderr).toBe(0);
    expect(present.stderr).toMatch(/^data: fenrir-if-present → (fenrir|builtin)$/m);
    const dry = runTsx('harness/cli/replicate.ts', ['--config', config, '--shard', '2/2', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    // the second of two runs (plan once, re-plan every 24 h): the one re-planning
    expect(dry.stdout).toMatch(/^1 of 2 runs \(shard 2\/2\) of .*tiny\.json:\n {2}truth\/poisson1low\/hazard0\.01\/replan24\/greedy\/r1\n$/);
  }, 120_000);

  it('a stop signal ends the study with the finished runs journalled (1 or 2 threads); the same call goes on to the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-simulation-stop-'));
    const loaded = loadSimulationConfig(writeTinySimulationConfig(dir, { repetitions: 2 }));
    await runSimulationStudy(loaded, { out: join(dir, 'whole'), figures: false });
    for (const workers of [1, 2]) {
      const out = join(dir, `stopped-${workers}`);
      const stop = new AbortController();
      const stopped = await runSimulationStudy(loaded, { out, workers, figures: false, signal: stop.signal, onRun: (done) => { if (done === 2) stop.abort(); } });
      expect(stopped.status).toBe('interrupted');
      expect(stopped.runs.length).toBeGreaterThanOrEqual(2);
      expect(stopped.runs.length).toBeLessThan(8);
      expect(journalIds(out)).toHaveLength(stopped.runs.length);
      expect(existsSync(join(out, 'summary.csv'))).toBe(false);
      let resumed = 0;
      const finished = await runSimulationStudy(loaded, { out, workers, figures: false, onResume: (state) => { resumed = state.reused; } });
      expect(resumed).toBe(stopped.runs.length);
      expect(finished.status).toBe('complete');
      for (const file of DERIVED) expect(read(out, file), file).toBe(read(join(dir, 'whole'), file));
    }
  }, 120_000);
});
