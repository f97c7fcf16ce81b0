import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/referenceData.js';

/*
 * scripts/slurm-array.sh without Slurm: stand-ins for `node` and `sbatch` on PATH record how the
 * script calls them (every CI machine runs these; tests/cluster/slurmArray.test.ts runs the
 * script on a real Slurm where one can be installed).
 */

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-slurm-script-'));
const bin = join(scratch, 'bin');
const calls = join(scratch, 'calls.txt');
mkdirSync(bin);
// `node -e` (the merge step's status check) goes to the real node; any other call is recorded
// with the PID it runs as, then exits with FAKE_NODE_EXIT
writeFileSync(join(bin, 'node'), `#!/usr/bin/env bash
if [[ "$1" == -e ]]; then exec "${process.execPath}" "$@"; fi
echo "node pid=$$ $*" >> "${calls}"
exit "\${FAKE_NODE_EXIT:-0}"
`);
// sbatch prints the next job id as --parsable does (the second one with a cluster name)
writeFileSync(join(bin, 'sbatch'), `#!/usr/bin/env bash
echo "sbatch $*" >> "${calls}"
n=$(grep -c '^sbatch' "${calls}")
if [[ $n -eq 1 ]]; then echo 4711; else echo "4712;cluster"; fi
`);
chmodSync(join(bin, 'node'), 0o755);
chmodSync(join(bin, 'sbatch'), 0o755);

function script(args: string[], env: Record<string, string>) {
  writeFileSync(calls, '');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SLURM_') && !name.startsWith('SBATCH_') && !['CONFIG', 'RESULTS', 'DATA'].includes(name)));
  const run = spawnSync('bash', ['scripts/slurm-array.sh', ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000,
    env: { ...clean, PATH: `${bin}:${process.env.PATH}`, ...env },
  });
  return { ...run, pid: run.pid, calls: readFileSync(calls, 'utf8').split('\n').filter((line) => line !== '') };
}

const arrayTask = { SLURM_ARRAY_JOB_ID: '900', SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3', SLURM_SUBMIT_DIR: REPO_ROOT, CONFIG: 'configs/quick.json' };

describe('scripts/slurm-array.sh (stand-in node and sbatch)', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('an array task execs node (same PID: Slurm\'s SIGTERM reaches the harness) with its shard, a worker per CPU and a results folder per array job', () => {
    const run = script([], { ...arrayTask, SLURM_CPUS_PER_TASK: '4' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('schedlab: configs/quick.json shard 2/3 (array job 900, task 5, attempt 1)');
    expect(run.calls).toEqual([`node pid=${run.pid} --import tsx harness/cli/replicate.ts --config configs/quick.json --shard 2/3 --workers 4 --out results/quick-900/shard-2-of-3 --no-figures`]);
  });

  it('one worker without --cpus-per-task; RESULTS and DATA when given; the attempt counts Slurm\'s restarts', () => {
    const run = script([], { ...arrayTask, RESULTS: '/shared/study', DATA: 'fenrir:/shared/fenrir', SLURM_RESTART_COUNT: '2' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('attempt 3)');
    expect(run.calls[0]).toMatch(/--workers 1 --out \/shared\/study\/shard-2-of-3 --no-figures --data fenrir:\/shared\/fenrir$/);
  });

  it('outside an array task it runs nothing and says how to submit', () => {
    const run = script([], {});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("submit with 'scripts/slurm-array.sh submit N'");
    expect(run.calls).toEqual([]);
  });

  it('submit N: the array 1-N, then the merge job depending on it; options go to both', () => {
    const run = script(['submit', '4', '--partition=short', '--cpus-per-task=2'], { CONFIG: 'configs/quick.json' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls).toEqual([
      'sbatch --parsable --array=1-4 --partition=short --cpus-per-task=2 scripts/slurm-array.sh',
      'sbatch --parsable --dependency=afterok:4711 --job-name=schedlab-merge --output=slurm-%x-%j.out --partition=short --cpus-per-task=2 scripts/slurm-array.sh merge 4711',
    ]);
    expect(run.stdout).toContain('array job 4711 (4 shards of configs/quick.json), merge job 4712 -> results/quick-4711/');
  });

  it('submit refuses a shard count that is not a positive integer, an --array option and a missing config', () => {
    for (const [args, message] of [
      [['submit'], 'usage: scripts/slurm-array.sh submit N'],
      [['submit', '0'], 'usage: scripts/slurm-array.sh submit N'],
      [['submit', '3', '--array=1-2'], "the array is 1-N, from 'submit N': leave out --array=1-2"],
    ] as const) {
      const run = script([...args], { CONFIG: 'configs/quick.json' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.calls).toEqual([]);
    }
    const missing = script(['submit', '2'], { CONFIG: 'configs/none.json' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('config configs/none.json not found');
  });

  function resultsWithShards(name: string, shards: string[], status?: string): string {
    const folder = join(scratch, name);
    for (const shard of shards) mkdirSync(join(folder, shard), { recursive: true });
    if (status) writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ status }));
    return folder;
  }

  it('merge ARRAY_JOB: merges every shard folder into the results folder, then execs the figures', () => {
    const folder = resultsWithShards('complete', ['shard-1-of-2', 'shard-2-of-2'], 'complete');
    const run = script(['merge', '900'], { SLURM_SUBMIT_DIR: REPO_ROOT, RESULTS: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('merging 2 of 2 shards of array job 900');
    expect(run.calls).toEqual([
      expect.stringMatching(new RegExp(`^node pid=\\d+ --import tsx harness/cli/merge.ts ${folder}/shard-1-of-2 ${folder}/shard-2-of-2 --out ${folder}$`)),
      `node pid=${run.pid} --import tsx notebooks/figures.ts ${folder}`,
    ]);
  });

  it('merge refuses a folder without shards, shards of different arrays, and renders nothing when shards are missing', () => {
    const none = script(['merge', '900'], { RESULTS: resultsWithShards('empty', []) });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no shard folders in');
    const mixed = script(['merge', '900'], { RESULTS: resultsWithShards('mixed', ['shard-1-of-2', 'shard-1-of-3']) });
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('holds shards of different arrays (of 2 3 shards)');
    expect(mixed.calls).toEqual([]);
    const partial = resultsWithShards('partial', ['shard-1-of-2'], 'partial');
    const run = script(['merge', '900'], { RESULTS: partial });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`merged results are partial (shards missing): run them (RESULTS=${partial}) and merge again`);
    expect(run.calls).toHaveLength(1);
    expect(existsSync(join(partial, 'figures'))).toBe(false);
  });
});
