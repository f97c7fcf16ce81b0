import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableOutputs } from '../harness/support/resultsComparison.js';
import { REPO_ROOT } from '../support/referenceData.js';
import { slurmUnavailable, startSlurmCluster, type SlurmCluster } from '../support/slurmCluster.js';
import { runSimulationStudy } from '../../harness/simulation/runSimulationStudy.js';
import { loadSimulationConfig } from '../../harness/simulation/simulationConfig.js';

/*
 * scripts/slurm-array.sh on a real (one-node) Slurm, the way harness/README.md says to use it:
 * `scripts/slurm-array.sh submit 3` with CONFIG=configs/quick.json submits a 3-task array and its
 * merge job. While shard 1 runs, Slurm requeues it (scontrol requeue: SIGTERM, then the task runs
 * again); the merged folder must then equal a single-machine run of the same config. Then the
 * same for a simulation study (configs/simulation-quick.json, 2 tasks): tables, report and figures
 * as one whole run writes them.
 * Needs slurm-wlm and munge (.ci/run installs them) and root; skips with a message otherwise.
 */

const SHARDS = 3;
const QUICK_TRIALS = 141;
/** cells of the quick config (trial ids without their repetition): best/ keeps one schedule each */
const QUICK_CELLS = 49;
/** hard limits: the whole file stays within a few minutes even when something hangs */
const LIMITS = { clusterStartMs: 30_000, firstTrialsMs: 90_000, requeuePendingMs: 30_000, jobsMs: 180_000 };

const unavailableReason = slurmUnavailable();
const scratch = mkdtempSync(join(tmpdir(), 'schedlab-slurm-'));
chmodSync(scratch, 0o755); // munged wants every folder above its socket open to all
const results = join(scratch, 'results', 'quick');
const logs = join(scratch, 'logs');
const nodeOnPath = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

let cluster: SlurmCluster | undefined;
let skipReason = unavailableReason;
let arrayJob = '';
let mergeJob = '';
let journalLinesAtRequeue = 0;
let referenceRun: { code: number | null; stderr: string } = { code: null, stderr: '' };
let referenceChild: ChildProcess | undefined;

const journalIds = (folder: string): string[] => existsSync(join(folder, 'journal.jsonl'))
  ? readFileSync(join(folder, 'journal.jsonl'), 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line).trial.id as string)
  : [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, condition: () => boolean, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}\n${slurmState()}\n${cluster?.logTail(10) ?? ''}`);
    }
    await sleep(intervalMs);
  }
}

/** `scontrol -o show job` records of a job (one per array task) as key → value maps. */
function jobRecords(job: string): Record<string, string>[] {
  const shown = cluster!.run('scontrol', ['-o', 'show', 'job', job]);
  return shown.stdout.trim().split('\n').filter((line) => line !== '').map((line) =>
    Object.fromEntries(line.split(/\s+/).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])));
}

function slurmState(): string {
  if (!cluster) return '';
  return `squeue:\n${cluster.run('squeue', ['-o', '%i %T %r']).stdout}`;
}

function shardLog(task: number): string {
  const file = join(logs, `slurm-schedlab-${arrayJob}_${task}.out`);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

if (unavailableReason) console.warn(`SKIPPED (Slurm test, tests/cluster/slurmArray.test.ts): ${unavailableReason}`);

describe.skipIf(unavailableReason !== undefined)('scripts/slurm-array.sh on a one-node Slurm (quick config, 3 shards, one requeued)', () => {
  beforeAll(async () => {
    const started = Date.now();
    try {
      cluster = await startSlurmCluster(join(scratch, 'cluster'), { timeoutMs: LIMITS.clusterStartMs });
    } catch (error) {
      skipReason = `Slurm could not be started here: ${(error as Error).message}`;
      console.warn(`SKIPPED (Slurm test): ${skipReason}`);
      return;
    }
    console.log(`slurm test: one-node cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s (${cluster.directory})`);
    mkdirSync(logs, { recursive: true });

    // exactly the README's command; --chdir only puts the logs into the scratch folder
    const submit = spawnSync('bash', ['scripts/slurm-array.sh', 'submit', String(SHARDS), `--chdir=${logs}`], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000,
      env: { ...cluster.env, PATH: nodeOnPath, CONFIG: 'configs/quick.json', RESULTS: results },
    });
    console.log(`slurm test: submit →\n${submit.stdout}${submit.stderr}`);
    const ids = /array job (\d+) .*merge job (\d+)/.exec(submit.stdout);
    if (submit.status !== 0 || !ids) throw new Error(`submit failed (exit ${submit.status}):\n${submit.stdout}${submit.stderr}`);
    [, arrayJob, mergeJob] = ids;

    // the single-machine reference, while the cluster works
    const reference = new Promise<typeof referenceRun>((resolve) => {
      const child = referenceChild = spawn(process.execPath, ['--import', 'tsx', 'harness/cli/replicate.ts', '--quick', '--no-figures', '--out', join(scratch, 'reference')], { cwd: REPO_ROOT });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdout.resume();
      child.on('close', (code) => resolve({ code, stderr }));
    });

    // requeue shard 1 once it has journaled a few trials: Slurm sends it SIGTERM and runs it again
    const shard1 = join(results, `shard-1-of-${SHARDS}`);
    await waitUntil('shard 1 to journal 3 trials', () => journalIds(shard1).length >= 3, LIMITS.firstTrialsMs, 50);
    const requeue = cluster.run('scontrol', ['requeue', `${arrayJob}_1`]);
    journalLinesAtRequeue = journalIds(shard1).length;
    console.log(`slurm test: scontrol requeue ${arrayJob}_1 with ${journalLinesAtRequeue} trial(s) of shard 1 journaled (exit ${requeue.status}${requeue.stderr ? `: ${requeue.stderr.trim()}` : ''})`);
    // Slurm holds a requeued job back for about two minutes (BeginTime); start it again at once
    await waitUntil(`task ${arrayJob}_1 to be pending again`, () => jobRecords(`${arrayJob}_1`)[0]?.JobState === 'PENDING', LIMITS.requeuePendingMs, 200);
    cluster.run('scontrol', ['update', `JobId=${arrayJob}_1`, 'StartTime=now']);

    await waitUntil(`array job ${arrayJob} and merge job ${mergeJob} to finish`,
      () => cluster!.run('squeue', ['-h', '-j', `${arrayJob},${mergeJob}`]).stdout.trim() === '', LIMITS.jobsMs, 500);
    referenceRun = await reference;
    console.log(`slurm test: array and merge finished ${((Date.now() - started) / 1000).toFixed(1)} s after the cluster started`);
  }, LIMITS.clusterStartMs + LIMITS.firstTrialsMs + LIMITS.requeuePendingMs + LIMITS.jobsMs + 30_000);

  afterAll(async () => {
    // after a failure or timeout above, the reference run may still be going
    if (referenceChild && referenceChild.exitCode === null && referenceChild.signalCode === null) {
      const closed = new Promise((resolve) => referenceChild!.once('close', resolve));
      referenceChild.kill('SIGKILL');
      await closed;
    }
    await cluster?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it('runs the three array tasks and the merge job to completion', ({ skip }) => {
    skip(skipReason !== undefined, skipReason);
    const tasks = jobRecords(arrayJob);
    const merge = jobRecords(mergeJob);
    for (const record of [...tasks, ...merge]) {
      console.log(`slurm test: job ${record.JobId} (array ${record.ArrayJobId ?? '-'} task ${record.ArrayTaskId ?? '-'}) ${record.JobName}: ${record.JobState} exit ${record.ExitCode}, restarts ${record.Restarts}`);
    }
    expect(tasks.map((record) => [record.ArrayTaskId, record.JobState, record.ExitCode]).sort()).toEqual([['1', 'COMPLETED', '0:0'], ['2', 'COMPLETED', '0:0'], ['3', 'COMPLETED', '0:0']]);
    expect(merge.map((record) => [record.JobName, record.JobState, record.ExitCode])).toEqual([['schedlab-merge', 'COMPLETED', '0:0']]);
    // the defaults of the script fit a small node: one CPU per task
    expect(tasks.every((record) => record.NumCPUs === '1')).toBe(true);
    for (const task of [1, 2, 3]) expect(shardLog(task)).toContain(`shard ${task}/${SHARDS} (array job ${arrayJob}, task ${task}`);
  });

  it('requeued shard 1 stopped cleanly on SIGTERM and resumed from its journal, in one appended log', ({ skip }) => {
    skip(skipReason !== undefined, skipReason);
    const [task1] = jobRecords(`${arrayJob}_1`);
    expect(task1.Restarts).toBe('1');
    const log = shardLog(1);
    console.log(`slurm test: log of ${arrayJob}_1:\n${log}`);
    const attempts = log.split(/^(?=schedlab: configs\/quick.json shard 1\/3)/m).filter((part) => part.startsWith('schedlab:'));
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toContain('attempt 1)');
    expect(attempts[0]).toMatch(/SIGTERM: stopping/);
    const interrupted = /interrupted: (\d+) of 47 selected trials/.exec(attempts[0]);
    expect(interrupted, attempts[0]).not.toBeNull();
    const kept = Number(interrupted![1]);
    expect(kept).toBeGreaterThanOrEqual(journalLinesAtRequeue);
    expect(kept).toBeLessThan(47);
    expect(attempts[1]).toContain('attempt 2)');
    expect(attempts[1]).toContain(`${kept} already in the journal`);
    expect(attempts[1]).toContain(`done: ${47 - kept} trial(s) run, 0 failed, ${kept} resumed from the journal`);
    const ids = journalIds(join(results, `shard-1-of-${SHARDS}`));
    expect(ids).toHaveLength(47);
    expect(new Set(ids).size).toBe(47);
  });

  it('merges into results equal to a single-machine run (fitness columns, traces, tables, best schedules) and renders the figures and report', ({ skip }) => {
    skip(skipReason !== undefined, skipReason);
    expect(referenceRun.code, referenceRun.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(results, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ status: 'complete', trials: { planned: QUICK_TRIALS, recorded: QUICK_TRIALS, failed: 0 } });
    expect(manifest.mergedFrom).toHaveLength(SHARDS);
    const merged = comparableOutputs(results);
    expect(merged).toEqual(comparableOutputs(join(scratch, 'reference')));
    expect(Object.keys(merged).filter((file) => file.startsWith('best/'))).toHaveLength(QUICK_CELLS);
    console.log(`slurm test: merged results of array job ${arrayJob} equal the single-machine run: ${Object.keys(merged).length} outputs compared (trials.csv, traces.csv, tables, ${QUICK_CELLS} best schedules; timing columns left out)`);
    expect(existsSync(join(results, 'report.html'))).toBe(true);
    expect(readdirSync(join(results, 'figures')).filter((file) => file.endsWith('.svg')).length).toBeGreaterThan(0);
    const mergeLog = readFileSync(join(logs, `slurm-schedlab-merge-${mergeJob}.out`), 'utf8');
    expect(mergeLog).toContain(`merged ${QUICK_TRIALS} of ${QUICK_TRIALS} trials`);
  });

  it('runs a simulation study the same way: configs/simulation-quick.json as 2 array tasks, merged into the tables of one whole run', async ({ skip }) => {
    skip(skipReason !== undefined, skipReason);
    const simulationResults = join(scratch, 'results', 'simulation-quick');
    const submit = spawnSync('bash', ['scripts/slurm-array.sh', 'submit', '2', `--chdir=${logs}`], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000,
      env: { ...cluster!.env, PATH: nodeOnPath, CONFIG: 'configs/simulation-quick.json', RESULTS: simulationResults },
    });
    const ids = /array job (\d+) .*merge job (\d+)/.exec(submit.stdout);
    expect(submit.status, `${submit.stdout}${submit.stderr}`).toBe(0);
    const [, simulationArray, simulationMerge] = ids!;
    const whole = join(scratch, 'simulation-whole');
    await runSimulationStudy(loadSimulationConfig(join(REPO_ROOT, 'configs', 'simulation-quick.json')), { out: whole, figures: true });
    await waitUntil(`simulation array ${simulationArray} and merge ${simulationMerge} to finish`,
      () => cluster!.run('squeue', ['-h', '-j', `${simulationArray},${simulationMerge}`]).stdout.trim() === '', LIMITS.jobsMs, 500);
    const mergeLog = readFileSync(join(logs, `slurm-schedlab-merge-${simulationMerge}.out`), 'utf8');
    expect(mergeLog).toContain('merged 16 of 16 simulated runs');
    expect(JSON.parse(readFileSync(join(simulationResults, 'simulation.json'), 'utf8'))).toMatchObject({ kind: 'simulation', status: 'complete', runs: 16, capacityOverruns: 0 });
    const figures = ['outcome-vs-replanning', 'outcome-vs-forecast', 'run-timeline'].map((name) => `figures/${name}.svg`);
    for (const file of ['simulations.csv', 'experiments.csv', 'events.csv', 'summary.csv', 'replanning-gain.csv', 'best-algorithm.csv', 'report.md', ...figures]) {
      expect(readFileSync(join(simulationResults, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
    }
    console.log(`slurm test: simulation array job ${simulationArray} (2 shards) merged by job ${simulationMerge}: tables and report equal to one whole run`);
  }, LIMITS.jobsMs + 30_000);
});
