import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { TRACES_COLUMNS } from '../../harness/output/tracesTable.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';
import { comparableOutputs } from './support/resultsComparison.js';

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-replicate-'));
const folder = (name: string) => join(scratch, name);

interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs a CLI of the harness in a child process; `interruptWhen` is polled and, once true, the child gets SIGINT. */
function runCli(script: 'replicate' | 'merge', args: string[], interruptWhen?: () => boolean): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'harness/cli', `${script}.ts`), ...args], { cwd: PROJECT_ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  let poller: NodeJS.Timeout | undefined;
  if (interruptWhen) {
    poller = setInterval(() => {
      if (interruptWhen()) {
        clearInterval(poller);
        child.kill('SIGINT');
      }
    }, 5);
  }
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearInterval(poller);
    resolve({ code, signal, stderr, seconds: (Date.now() - started) / 1000 });
  }));
}

const quick = (out: string, ...more: string[]) => ['--quick', '--no-figures', '--out', out, ...more];
const journalLines = (out: string): string[] => (existsSync(join(out, 'journal.jsonl')) ? readFileSync(join(out, 'journal.jsonl'), 'utf8').split('\n').filter((line) => line !== '') : []);
const csvHeader = (path: string) => readFileSync(path, 'utf8').split('\n')[0];
const csvRowCount = (path: string) => readFileSync(path, 'utf8').trim().split('\n').length - 1;

let reference: CliRun;
let plannedTrials = 0;

describe('npm run replicate -- --quick', () => {
  beforeAll(async () => {
    reference = await runCli('replicate', quick(folder('reference')));
    plannedTrials = JSON.parse(readFileSync(join(folder('reference'), 'manifest.json'), 'utf8')).trials.planned;
  });

  // tests/harness/fixtures/quick-as-published.csv: these columns of the quick config's trials.csv as the code
  // before the robust sampler, the greedy and the budgets (commit 2b9fb1a) computed them
  it('with the published sampler (the configs\' default) the fitness columns equal those of the code before the robust sampler', () => {
    const fixture = parse(readFileSync(join(PROJECT_ROOT, 'tests/harness/fixtures/quick-as-published.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rows = parse(readFileSync(join(folder('reference'), 'trials.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const byId = new Map(rows.map((row) => [row.trial_id, row]));
    expect(fixture.length).toBe(141);
    for (const expected of fixture) {
      const row = byId.get(expected.trial_id);
      expect(row, expected.trial_id).toBeDefined();
      for (const column of Object.keys(expected)) expect(row![column], `${expected.trial_id} ${column}`).toBe(expected[column]);
    }
  });

  it('finishes within a minute and writes every output with the contract columns', () => {
    expect(reference.code, reference.stderr).toBe(0);
    expect(reference.seconds).toBeLessThan(60);
    const out = folder('reference');
    for (const file of ['journal.jsonl', 'trials.csv', 'traces.csv', 'manifest.json']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(csvHeader(join(out, 'trials.csv'))).toBe(TRIALS_COLUMNS.join(','));
    expect(csvHeader(join(out, 'traces.csv'))).toBe(TRACES_COLUMNS.join(','));
    expect(csvRowCount(join(out, 'trials.csv'))).toBe(plannedTrials);
    const trials = parse(readFileSync(join(out, 'trials.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(trials.filter((row) => row.error !== '').map((row) => `${row.trial_id}: ${row.error}`)).toEqual([]);
    expect(trials.every((row) => row.valid === 'true')).toBe(true);
    // --keep-best cell (the default): best/ holds the best run of each cell (trial id without its
    // repetition): valid first, then the highest fitness, then the lowest repetition — by trials.csv
    const bestOfCell = new Map<string, Record<string, string>>();
    for (const row of trials) {
      const cell = row.trial_id.replace(/\/r\d+$/, '');
      const best = bestOfCell.get(cell);
      if (!best || Number(row.fitness) > Number(best.fitness) || (Number(row.fitness) === Number(best.fitness) && Number(row.repetition) < Number(best.repetition))) bestOfCell.set(cell, row);
    }
    expect(bestOfCell.size).toBe(49);
    expect(readdirSync(join(out, 'best')).sort()).toEqual([...bestOfCell.values()].map((row) => `${row.trial_id.replaceAll('/', '__')}.json`).sort());
    for (const table of ['fitness', 'runtime', 'calibration-ga', 'calibration-ls', 'max-fitness', 'reevaluation', 'comparisons']) {
      expect(csvRowCount(join(out, 'tables', `${table}.csv`)), table).toBeGreaterThan(0);
    }
    expect(csvHeader(join(out, 'tables', 'fitness.csv'))).toBe('study,algorithm,experiments,ress,n,mean,sd,median,iqr,min,max');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ status: 'complete', data: 'builtin', config: { name: 'quick' }, trials: { recorded: plannedTrials, failed: 0 }, bestSchedules: { keep: 'cell', files: 49 } });
    expect(manifest.config.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const key of ['schedlab', 'git', 'node', 'cores', 'startedAt', 'finishedAt']) expect(manifest, key).toHaveProperty(key);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('same seed → identical outputs except timing, whatever the number of workers', async () => {
    const run = await runCli('replicate', quick(folder('one-worker'), '--workers', '1'));
    expect(run.code, run.stderr).toBe(0);
    expect(comparableOutputs(folder('one-worker'))).toEqual(comparableOutputs(folder('reference')));
  });

  it('two shards merged equal one full run', async () => {
    const shards = await Promise.all([1, 2].map((i) => runCli('replicate', quick(folder(`shard-${i}`), '--shard', `${i}/2`, '--workers', '1'))));
    for (const shard of shards) expect(shard.code, shard.stderr).toBe(0);
    const sizes = [1, 2].map((i) => journalLines(folder(`shard-${i}`)).length);
    expect(sizes[0] + sizes[1]).toBe(plannedTrials);
    expect(Math.abs(sizes[0] - sizes[1])).toBeLessThanOrEqual(1);
    const merge = await runCli('merge', [folder('shard-1'), folder('shard-2'), '--out', folder('merged')]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(comparableOutputs(folder('merged'))).toEqual(comparableOutputs(folder('reference')));
    expect(JSON.parse(readFileSync(join(folder('merged'), 'manifest.json'), 'utf8'))).toMatchObject({ status: 'complete', mergedFrom: [expect.any(String), expect.any(String)], bestSchedules: { keep: 'cell', files: 49 } });
    // the shards kept the best of their part of each cell only: every schedule cannot be had
    const all = await runCli('merge', [folder('shard-1'), folder('shard-2'), '--out', folder('merged-all'), '--keep-best', 'all']);
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/bestSchedules\.keep: .*shard-1 kept only the best schedule of each cell: merging with --keep-best all needs folders that kept all/);
  });

  it('Ctrl-C midway stops cleanly; rerunning resumes to the same results, each trial journaled once', async () => {
    const out = folder('interrupted');
    const interrupted = await runCli('replicate', quick(out, '--workers', '1'), () => journalLines(out).length >= 3);
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/run the same command again to resume/);
    const partial = journalLines(out);
    expect(partial.length).toBeGreaterThanOrEqual(3);
    expect(partial.length).toBeLessThan(plannedTrials);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('interrupted');

    // and a crash in the middle of a write: a torn last line
    appendFileSync(join(out, 'journal.jsonl'), partial[0].slice(0, 80));
    const resumed = await runCli('replicate', quick(out));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/torn last line/);
    expect(resumed.stderr).toContain(`${partial.length} already in the journal`);
    const ids = journalLines(out).map((line) => JSON.parse(line).trial.id as string);
    expect(ids).toHaveLength(plannedTrials);
    expect(new Set(ids).size).toBe(plannedTrials);
    expect(comparableOutputs(out)).toEqual(comparableOutputs(folder('reference')));
  });

  it('--keep-best all keeps every schedule; a later default run keeps the best per cell, after which all is refused', async () => {
    const out = folder('keep-all');
    const all = await runCli('replicate', quick(out, '--keep-best', 'all'));
    expect(all.code, all.stderr).toBe(0);
    expect(readdirSync(join(out, 'best'))).toHaveLength(plannedTrials);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).bestSchedules).toEqual({ keep: 'all', files: plannedTrials });
    const cell = await runCli('replicate', quick(out));
    expect(cell.code, cell.stderr).toBe(0);
    expect(readdirSync(join(out, 'best')).sort()).toEqual(readdirSync(join(folder('reference'), 'best')).sort());
    const refused = await runCli('replicate', quick(out, '--keep-best', 'all'));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: --keep-best: .*keep-all kept only the best schedule of each cell .*run --keep-best all into a fresh folder/)]);
  });

  it('--run-seed reseeds the runs on the same instances, is recorded in manifest.json, and merge keeps run seeds apart', async () => {
    const out = folder('run-seed');
    const run = await runCli('replicate', quick(out, '--only', 'max-fitness', '--run-seed', '5'));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ runSeed: 5, only: ['max-fitness'] });
    const rows = (dir: string) => (parse(readFileSync(join(dir, 'trials.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).filter((row) => row.study === 'max-fitness');
    const [reseeded, reference] = [rows(out), rows(folder('reference'))];
    expect(reseeded.map((row) => row.trial_id)).toEqual(reference.map((row) => row.trial_id));
    expect(reseeded.filter((row, i) => row.seed === reference[i].seed)).toEqual([]);
    expect(reseeded.map((row) => row.fitness)).not.toEqual(reference.map((row) => row.fitness));
    const merge = await runCli('merge', [folder('reference'), out, '--out', folder('run-seed-merged')]);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(/manifest\.json: runSeed: .*run-seed ran with --run-seed 5, .*reference with the config's baseSeed: only runs of the same seeds can be merged/);
  });

  it('a rerun of a complete folder runs nothing and rewrites the same outputs', async () => {
    const again = await runCli('replicate', quick(folder('reference')));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${plannedTrials} already in the journal`);
    expect(journalLines(folder('reference'))).toHaveLength(plannedTrials);
  });
});

const FENRIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'fenrir');
describe.skipIf(!existsSync(FENRIR))('with the replication package data (fenrir)', () => {
  it('re-evaluates the paper\'s saved GA schedule', async () => {
    const out = folder('fenrir');
    const run = await runCli('replicate', quick(out, '--data', `fenrir:${FENRIR}`, '--only', 'reevaluation'));
    expect(run.code, run.stderr).toBe(0);
    const rows = readFileSync(join(out, 'tables', 'reevaluation.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^study,algorithm,experiments,ress,n,best,mean/);
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['reevaluation,genetic', 'reevaluation,local-search', 'reevaluation,simulated-annealing']);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ status: 'partial', only: ['reevaluation'] });
  });
});
if (!existsSync(FENRIR)) console.warn(`skipping the fenrir replicate test: ${FENRIR} not found`);
