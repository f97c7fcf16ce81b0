import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/referenceData.js';
import { standInCommands } from './support/standInCommands.js';

/*
 * scripts/slurm-array.sh without Slurm: stand-ins for `node` and `sbatch` on PATH record how the
 * script calls them, on every machine (slurmArray.test.ts runs it on a real Slurm where one can
 * be installed; its merge step, scripts/merge-shards.sh, is tested in mergeShards.test.ts).
 */

const standIns = standInCommands();
const script = (args: string[], env: Record<string, string>) => standIns.run('bash', ['scripts/slurm-array.sh', ...args], env);

const arrayTask = { SLURM_ARRAY_JOB_ID: '900', SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '3', SLURM_SUBMIT_DIR: REPO_ROOT, CONFIG: 'configs/quick.json' };

describe('scripts/slurm-array.sh (stand-in node and sbatch)', () => {
  afterAll(() => standIns.remove());

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

  it('merge ARRAY_JOB: execs scripts/merge-shards.sh on the array job\'s results folder (which merges, then execs the figures)', () => {
    const folder = join(standIns.scratch, 'complete');
    for (const shard of ['shard-1-of-2', 'shard-2-of-2']) mkdirSync(join(folder, shard), { recursive: true });
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ status: 'complete' }));
    const run = script(['merge', '900'], { SLURM_SUBMIT_DIR: REPO_ROOT, RESULTS: folder });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('merging 2 of 2 shards');
    expect(run.calls).toEqual([
      expect.stringMatching(new RegExp(`^node pid=\\d+ --import tsx harness/cli/merge.ts ${folder}/shard-1-of-2 ${folder}/shard-2-of-2 --out ${folder}$`)),
      `node pid=${run.pid} --import tsx harness/cli/figures.ts ${folder}`,
    ]);
  });

  it('merge without RESULTS works on results/<config name>-<array job id>', () => {
    const run = script(['merge', '900'], { SLURM_SUBMIT_DIR: REPO_ROOT, CONFIG: 'configs/quick.json' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no shard folders (shard-i-of-N) in ${REPO_ROOT}/results/quick-900`);
    expect(run.calls).toEqual([]);
  });
});
