import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { standInCommands } from './support/standInCommands.js';

/* scripts/merge-shards.sh (the merge step of Slurm and Kubernetes) with a stand-in node. */

const standIns = standInCommands();
const mergeShards = (args: string[], env: Record<string, string> = {}, timeoutMs?: number) =>
  standIns.run('bash', ['scripts/merge-shards.sh', ...args], env, { timeoutMs });

/** A results folder with shard folders; `manifests` gives a shard's manifest.json fields, `top` the folder's own. */
function resultsFolder(name: string, shards: string[], manifests: Record<string, object> = {}, top?: object): string {
  const folder = join(standIns.scratch, name);
  for (const shard of shards) {
    mkdirSync(join(folder, shard), { recursive: true });
    if (manifests[shard]) writeFileSync(join(folder, shard, 'manifest.json'), JSON.stringify(manifests[shard], null, 2));
  }
  if (top) writeFileSync(join(folder, 'manifest.json'), JSON.stringify(top));
  return folder;
}
const shardManifest = (recorded: number, planned = 10, status = 'partial') => ({ status, trials: { planned, recorded, failed: 0 } });

describe('scripts/merge-shards.sh (stand-in node)', () => {
  afterAll(() => standIns.remove());

  it('merges every shard folder into the folder, then execs the figures (same PID: a stop signal reaches them)', () => {
    const folder = resultsFolder('complete', ['shard-1-of-2', 'shard-2-of-2'], {}, { status: 'complete' });
    const run = mergeShards([folder]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`merging 2 of 2 shards on`);
    expect(run.calls).toEqual([
      expect.stringMatching(new RegExp(`^node pid=\\d+ --import tsx harness/cli/merge.ts ${folder}/shard-1-of-2 ${folder}/shard-2-of-2 --out ${folder}$`)),
      `node pid=${run.pid} --import tsx harness/cli/figures.ts ${folder}`,
    ]);
  });

  it('refuses a folder without shards and shards of different counts; renders nothing when the merge is partial', () => {
    const none = mergeShards([resultsFolder('empty', [])]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no shard folders (shard-i-of-N) in');
    const mixed = mergeShards([resultsFolder('mixed', ['shard-1-of-2', 'shard-1-of-3'])]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('holds shards of runs with different shard counts (2 3)');
    expect(mixed.calls).toEqual([]);
    const partial = resultsFolder('partial', ['shard-1-of-2'], {}, { status: 'partial' });
    const run = mergeShards([partial]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the merged results in ${partial} are partial: run the missing shards into it and merge again`);
    expect(run.calls).toHaveLength(1);
    expect(mergeShards(['a', 'b']).stderr).toContain('usage: scripts/merge-shards.sh [--wait N] FOLDER');
    expect(mergeShards(['--wait', 'x', 'a']).stderr).toContain('N = number of shards');
  });

  it('--wait N merges at once when N shards together record every trial of the plan (a finished shard says partial: of the whole plan)', () => {
    const folder = resultsFolder('ready', ['shard-1-of-2', 'shard-2-of-2'], { 'shard-1-of-2': shardManifest(5), 'shard-2-of-2': shardManifest(5) }, { status: 'complete' });
    const run = mergeShards(['--wait', '2', folder]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('waiting');
    expect(run.calls).toHaveLength(2);
  });

  it('--wait N keeps waiting while a shard folder is missing, a manifest is unwritten or trials are unrecorded (an interrupted shard)', () => {
    for (const [name, shards, manifests, expected] of [
      ['one-missing', ['shard-1-of-2'], { 'shard-1-of-2': shardManifest(5) }, '1 of 2 shard folders, 5 of 10 trials recorded'],
      ['unwritten', ['shard-1-of-2', 'shard-2-of-2'], { 'shard-1-of-2': shardManifest(5) }, '2 of 2 shard folders, 5 of 10 trials recorded'],
      ['interrupted', ['shard-1-of-2', 'shard-2-of-2'], { 'shard-1-of-2': shardManifest(5), 'shard-2-of-2': shardManifest(3, 10, 'interrupted') }, '2 of 2 shard folders, 8 of 10 trials recorded'],
      ['other-count', ['shard-1-of-3', 'shard-2-of-3'], { 'shard-1-of-3': shardManifest(5), 'shard-2-of-3': shardManifest(5) }, '0 of 2 shard folders, 0 of ? trials recorded'],
    ] as const) {
      const run = mergeShards(['--wait', '2', resultsFolder(name, [...shards], manifests)], { MERGE_POLL_SECONDS: '0.2' }, 2_500);
      // still waiting when the test's time limit sent SIGTERM, which ends the script through its trap
      // (exit 143) or, when the trap's message meets the pipe spawnSync already closed, by SIGPIPE
      // (status null): which one depends on the machine's load; a finished merge would exit 0 or 2
      expect(run.status === 143 || (run.status === null && run.signal !== null), `${name}: status ${run.status}, signal ${run.signal}`).toBe(true);
      expect(run.stdout, name).toContain(`waiting for the shards in ${join(standIns.scratch, name)}: ${expected}`);
      expect(run.calls, name).toEqual([]);
    }
  });

  it('simulation shards (simulation.json): --wait counts their journalled runs; the merge renders its own figures, so no figures step follows', () => {
    const folder = resultsFolder('simulation', ['shard-1-of-2', 'shard-2-of-2']);
    const shardFile = (shard: string, runs: number) => writeFileSync(join(folder, shard, 'simulation.json'), JSON.stringify({ kind: 'simulation', status: 'partial', runs: 16, journal: { runs } }));
    shardFile('shard-1-of-2', 8);
    shardFile('shard-2-of-2', 5);
    const waiting = mergeShards(['--wait', '2', folder], { MERGE_POLL_SECONDS: '0.2' }, 2_500);
    expect(waiting.stdout).toContain(`waiting for the shards in ${folder}: 2 of 2 shard folders, 13 of 16 simulated runs recorded`);
    expect(waiting.calls).toEqual([]);
    shardFile('shard-2-of-2', 8);
    writeFileSync(join(folder, 'simulation.json'), JSON.stringify({ kind: 'simulation', status: 'complete' }));
    const run = mergeShards(['--wait', '2', folder]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls).toEqual([expect.stringMatching(new RegExp(`^node pid=\\d+ --import tsx harness/cli/merge.ts ${folder}/shard-1-of-2 ${folder}/shard-2-of-2 --out ${folder}$`))]);
  });
});
