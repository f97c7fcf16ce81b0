import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { writeFileAtomically } from '../../harness/io/writeFileAtomically.js';
import { checkOutputs } from '../../harness/output/outputsCheck.js';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';
import { comparableOutputs } from './support/resultsComparison.js';
import { journalLines, runNode, SMALL_CONFIG } from './support/harnessCli.js';


// several CLI runs per test: on a busy machine (CI shares its two cores) one run can take 10 s
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
const scratch = mkdtempSync(join(tmpdir(), 'schedlab-integrity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const configPath = join(scratch, 'small.json');
writeFileSync(configPath, JSON.stringify(SMALL_CONFIG, null, 2));
const folder = (name: string) => join(scratch, name);
const replicate = (out: string, ...more: string[]) => runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', out, '--no-figures', ...more]);
const sha = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
const tmpFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error:'));

const PLANNED = 24;

beforeAll(async () => {
  const reference = await replicate(folder('reference'));
  expect(reference.code, reference.stderr).toBe(0);
  expect(journalLines(folder('reference'))).toHaveLength(PLANNED);
});

describe('a changed journal', () => {
  it('a flipped byte in a journal line is named by its line; nothing is derived from it; --repair-journal reruns that trial', async () => {
    const out = folder('flipped');
    cpSync(folder('reference'), out, { recursive: true });
    const before = { trials: sha(join(out, 'trials.csv')), fitness: sha(join(out, 'tables', 'fitness.csv')) };
    const journal = join(out, 'journal.jsonl');
    const bytes = readFileSync(journal);
    const lineStarts = [0, ...[...bytes.entries()].filter(([, byte]) => byte === 0x0a).map(([i]) => i + 1)];
    const at = lineStarts[6] + 200; // line 7
    bytes[at] ^= 0x01;
    writeFileSync(journal, bytes);

    const refused = await replicate(out);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toHaveLength(1);
    expect(refused.stderr).toMatch(/journal\.jsonl: line 7: .*1 corrupt line\(s\) in the middle of the journal \(lines 7\), 23 valid record\(s\)/);
    expect(sha(join(out, 'trials.csv'))).toBe(before.trials);
    expect(sha(join(out, 'tables', 'fitness.csv'))).toBe(before.fitness);
    // the figures step refuses the folder too: its outputs no longer match the journal
    expect(checkOutputs(out)).toMatchObject({ status: 'stale', problem: expect.stringMatching(/lost or altered/) });
    const figures = await runNode('harness/cli/figures.ts', [out]);
    expect(figures.code).toBe(1);
    expect(figures.stderr).toMatch(/^error: .*journal\.jsonl is not the journal the outputs were derived from/m);

    const repaired = await replicate(out, '--repair-journal');
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stderr).toMatch(/moved 1 corrupt line\(s\) to .*journal\.jsonl\.corrupt; their trials run again/);
    expect(repaired.stderr).toContain('running 1 trial(s)');
    expect(comparableOutputs(out)).toEqual(comparableOutputs(folder('reference')));
    expect(checkOutputs(out)).toEqual({ status: 'consistent', journalChecked: true });
  });

  it('a journal truncated in the middle is reported with the records it lost, not as a torn line', async () => {
    const out = folder('truncated');
    cpSync(folder('reference'), out, { recursive: true });
    const journal = join(out, 'journal.jsonl');
    const size = readFileSync(journal).length;
    truncateSync(journal, Math.floor(size / 2));
    const refused = await replicate(out);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(/journal\.jsonl: the journal lost or changed records since manifest\.json was derived from it \(24 records in \d+ bytes then; \d+ bytes now: truncated\); restore it from a backup, or pass --repair-journal/)]);
    const repaired = await replicate(out, '--repair-journal');
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(comparableOutputs(out)).toEqual(comparableOutputs(folder('reference')));
  });

  it('two different results of one trial are refused, naming both lines', async () => {
    const out = folder('conflict');
    cpSync(folder('reference'), out, { recursive: true });
    const journal = join(out, 'journal.jsonl');
    const lines = journalLines(out);
    const record = JSON.parse(lines[2]);
    const { checksum: _checksum, ...body } = record;
    body.measurements.fitness += 0.01;
    // a well-formed line (its own valid checksum) with another result for the same trial
    const { serializeRecord } = await import('../../harness/journal/journal.js');
    appendFileSync(journal, `${serializeRecord(body)}\n`);
    const refused = await replicate(out);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(new RegExp(`journal\\.jsonl: lines 3 and 25: two different results of trial ${record.trial.id.replaceAll('/', '\\/')}`))]);
  });
});

describe('derived outputs', () => {
  it('npm run figures refuses outputs that are not the manifest\'s set, and exits 1 after writing what it could when a figure fails', async () => {
    const out = folder('figures');
    cpSync(folder('reference'), out, { recursive: true });
    const trials = join(out, 'trials.csv');
    const lines = readFileSync(trials, 'utf8').split('\n');
    const fitness = lines[0].split(',').indexOf('fitness');
    lines[5] = lines[5].split(',').map((cell, i) => (i === fitness ? 'not-a-number' : cell)).join(',');
    writeFileSync(trials, lines.join('\n'));
    const refused = await runNode('harness/cli/figures.ts', [out]);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(/trials\.csv is not the file manifest\.json was written with .*--allow-stale/)]);
    expect(existsSync(join(out, 'report.html'))).toBe(false);

    const forced = await runNode('harness/cli/figures.ts', [out, '--allow-stale']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/^error: figure fitness-scaling: .*trials\.csv: line 6, column fitness/m);
    // the report is written anyway (every figure reads the damaged trials.csv), listing the problems
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('trials.csv: line 6, column fitness: "not-a-number" is not a number');
  });
});

describe('replicate with figures', () => {
  it('exits 1 when a figure fails, after writing the results, the other figures and the report', async () => {
    const out = folder('figure-fails');
    cpSync(folder('reference'), out, { recursive: true });
    rmSync(join(out, 'best'), { recursive: true }); // the schedule figures need the best schedules
    const run = await runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^figures: error: figure schedule-gantt: .*best\/scaling__\S+\.json: file not found$/m);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^error: \d figure\(s\) or report part\(s\) failed \(see above\); the results and the other figures are written$/);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(readdirSync(join(out, 'figures')).some((file) => file.endsWith('.svg'))).toBe(true);
    expect(checkOutputs(out)).toEqual({ status: 'consistent', journalChecked: true });
  });
});

describe('merge into an existing folder', () => {
  it('keeps every record the destination had and refuses a destination with another config', async () => {
    const destination = folder('merge-destination');
    const shard = folder('merge-shard-2');
    for (const [out, i] of [[destination, 1], [shard, 2]] as const) {
      const run = await replicate(out, '--shard', `${i}/2`);
      expect(run.code, run.stderr).toBe(0);
    }
    // the destination also holds a record of another data source (a valid line the plan does not use)
    const { serializeRecord } = await import('../../harness/journal/journal.js');
    const { trialFingerprint } = await import('../../harness/run/trialFingerprint.js');
    const { checksum: _checksum, ...record } = JSON.parse(journalLines(destination)[0]);
    const foreign = { ...record, data: 'fenrir:/elsewhere', fingerprint: trialFingerprint(record.trial, 'fenrir:/elsewhere') };
    appendFileSync(join(destination, 'journal.jsonl'), `${serializeRecord(foreign)}\n`);
    const before = journalLines(destination);

    const merged = await runNode('harness/cli/merge.ts', [shard, '--out', destination]);
    expect(merged.code, merged.stderr).toBe(0);
    const after = journalLines(destination);
    for (const line of before) expect(after).toContain(line);
    expect(after).toHaveLength(PLANNED + 1);
    expect(comparableOutputs(destination)).toEqual(comparableOutputs(folder('reference')));

    const other = folder('merge-other-config');
    const otherConfig = join(scratch, 'other.json');
    writeFileSync(otherConfig, JSON.stringify({ ...SMALL_CONFIG, baseSeed: 8 }));
    const run = await runNode('harness/cli/replicate.ts', ['--config', otherConfig, '--out', other, '--no-figures', '--shard', '1/2']);
    expect(run.code, run.stderr).toBe(0);
    const otherJournal = readFileSync(join(other, 'journal.jsonl'));
    const refused = await runNode('harness/cli/merge.ts', [shard, '--out', other]);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(/config\.sha256: .* has another config than .*: only runs of the same config can be merged; merge into another --out$/)]);
    expect(readFileSync(join(other, 'journal.jsonl'))).toEqual(otherJournal);
  });
});

describe('code versions', () => {
  // a copy of the project with its own git history, so that a commit can change an algorithm
  const root = join(scratch, 'checkout');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=test', ...args], { cwd: root, stdio: 'pipe' });
  beforeAll(() => {
    mkdirSync(root);
    for (const entry of ['algorithms', 'datasets', 'harness', 'notebooks', 'configs', 'package.json', 'tsconfig.json', 'README.md']) cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'first');
  });
  const replicateIn = (out: string, ...more: string[]) => runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', out, '--no-figures', ...more], { root });

  it('resuming after a commit that changes an algorithm is refused in one line; with --allow-mixed-versions both versions are recorded', async () => {
    const out = folder('versions');
    const first = await replicateIn(out, '--shard', '1/2');
    expect(first.code, first.stderr).toBe(0);
    const firstCommit = git('rev-parse', 'HEAD').toString().trim();

    // a commit that touches docs only keeps the code version: resuming is fine
    appendFileSync(join(root, 'README.md'), '\nA note.\n');
    git('commit', '-qam', 'docs');
    const docsOnly = await replicateIn(out, '--shard', '1/2');
    expect(docsOnly.code, docsOnly.stderr).toBe(0);

    appendFileSync(join(root, 'algorithms', 'genetic.ts'), '\n// a change to the GA\n');
    git('commit', '-qam', 'change the GA');
    const secondCommit = git('rev-parse', 'HEAD').toString().trim();
    const refused = await replicateIn(out);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(
      new RegExp(`^error: .*journal\\.jsonl: 12 of 12 record\\(s\\) were made by other code than this checkout — code [0-9a-f]{16} \\(commit ${firstCommit.slice(0, 10)}\\) vs code [0-9a-f]{16} \\(commit ${secondCommit.slice(0, 10)}\\); .*--allow-mixed-versions`))]);
    expect(journalLines(out)).toHaveLength(12); // nothing ran

    const mixed = await replicateIn(out, '--allow-mixed-versions');
    expect(mixed.code, mixed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    expect(manifest.codeVersions.map((version: { commit: string; records: number }) => [version.commit, version.records]).sort())
      .toEqual([[firstCommit, 12], [secondCommit, 12]].sort());
    const header = readFileSync(join(out, 'trials.csv'), 'utf8').split('\n')[0];
    expect(header).toBe([...TRIALS_COLUMNS, 'version'].join(','));
    const rows = parse(readFileSync(join(out, 'trials.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row.version))).toEqual(new Set(manifest.codeVersions.map((version: { version: string }) => version.version)));
    // a single-version folder keeps the columns of every other study
    expect(readFileSync(join(folder('reference'), 'trials.csv'), 'utf8').split('\n')[0]).toBe(TRIALS_COLUMNS.join(','));
  });

  it('merge refuses shards of different code unless --allow-mixed-versions', async () => {
    const shardA = folder('versions-shard-a');
    const shardB = folder('versions-shard-b');
    const a = await replicate(shardA, '--shard', '1/2'); // this checkout's code
    expect(a.code, a.stderr).toBe(0);
    const b = await replicateIn(shardB, '--shard', '2/2'); // the changed GA
    expect(b.code, b.stderr).toBe(0);
    const refused = await runNode('harness/cli/merge.ts', [shardA, shardB, '--out', folder('versions-merged')]);
    expect(refused.code).toBe(1);
    expect(errorLines(refused.stderr)).toEqual([expect.stringMatching(/^error: merge: 12 of 24 record\(s\) were made by other code than the first merged record/)]);
    const mixed = await runNode('harness/cli/merge.ts', [shardA, shardB, '--out', folder('versions-merged'), '--allow-mixed-versions']);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(folder('versions-merged'), 'manifest.json'), 'utf8')).codeVersions).toHaveLength(2);
  });
});

describe('one writer per results folder', () => {
  it('a second replicate on the same folder fails at once naming the first; the first completes with each trial once', async () => {
    const out = folder('two-writers');
    // the first writer runs 4 × the small study on one worker, so it is still running when the second starts
    const longer = join(scratch, 'longer.json');
    writeFileSync(longer, JSON.stringify({ ...SMALL_CONFIG, studies: [{ ...SMALL_CONFIG.studies[0], repetitions: 12 }] }));
    let second: Promise<Awaited<ReturnType<typeof runNode>> & { doneAt: number }> | undefined;
    const first = runNode('harness/cli/replicate.ts', ['--config', longer, '--out', out, '--no-figures', '--workers', '1'], {
      when: () => journalLines(out).length >= 1,
      act: () => { second = runNode('harness/cli/replicate.ts', ['--config', longer, '--out', out, '--no-figures']).then((run) => ({ ...run, doneAt: Date.now() })); },
    });
    const firstRun = await first;
    const firstDoneAt = Date.now();
    const secondRun = await second!;
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(secondRun.code).toBe(1);
    expect(errorLines(secondRun.stderr)).toEqual([expect.stringMatching(new RegExp(`is being written by process \\d+ on ${hostname()} \\(npm run replicate .*\\): one writer per results folder`))]);
    // it did not wait for the lock: it was refused while the first still ran (its own time is
    // node's start-up, ≈ 1 s on an idle machine: see the README)
    expect(secondRun.doneAt).toBeLessThan(firstDoneAt);
    console.log(`second writer refused after ${secondRun.seconds} s (wall, start-up included)`);
    const ids = journalLines(out).map((line) => JSON.parse(line).trial.id);
    expect(ids).toHaveLength(4 * PLANNED);
    expect(new Set(ids).size).toBe(4 * PLANNED);
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });

  it('a lock left by a killed process is taken over at once', async () => {
    const out = folder('killed');
    const killed = await runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', out, '--no-figures', '--workers', '1'], {
      when: () => journalLines(out).length >= 2,
      act: (pid) => process.kill(pid, 'SIGKILL'),
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(out, '.lock'))).toBe(true);
    const resumed = await replicate(out);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(comparableOutputs(out)).toEqual(comparableOutputs(folder('reference')));
  });
});

describe('preflight', () => {
  it('refuses a 10^7-point grid in under 2 s, with the trial count, without expanding it', async () => {
    const grid = { ...SMALL_CONFIG, studies: [{ name: 'calibration', sizes: [10], ress: ['mid'], repetitions: 1, algorithms: [{ name: 'genetic', grid: { populationSize: { from: 1, to: 10_000_000, step: 1 } } }] }] };
    const text = JSON.stringify(grid);
    const started = performance.now();
    expect(() => parseStudyConfig(text, 'grid.json')).toThrow(/^grid\.json: studies: studies\[0\]\.algorithms\[0\]\.grid\.populationSize has 10000000 values; the config plans 10000000 trials, estimated .* of CPU time .*; at most 1000000 trials can be planned/);
    expect(performance.now() - started).toBeLessThan(2000);
    writeFileSync(join(scratch, 'grid.json'), text);
    const run = await runNode('harness/cli/replicate.ts', ['--config', join(scratch, 'grid.json'), '--out', folder('grid')]);
    expect(run.code).toBe(1);
    expect(errorLines(run.stderr)).toEqual([expect.stringContaining('the config plans 10000000 trials')]);
    expect(run.seconds).toBeLessThan(30); // process start-up included (slow on a busy machine); the refusal itself is the in-process figure above
    expect(existsSync(folder('grid'))).toBe(false);
  });

  it('asks for --yes above 10^5 trials and refuses 10^9 repetitions at once', () => {
    const plan = (repetitions: number) => JSON.stringify({ baseSeed: 1, studies: [{ name: 'scaling', sizes: [10, 20], ress: ['mid'], repetitions, algorithms: [{ name: 'random-sampling' }] }] });
    expect(() => parseStudyConfig(plan(60_000), 'big.json')).toThrow(/the config plans 120000 trials, estimated .*; more than 100000 trials need --yes$/);
    expect(() => parseStudyConfig(plan(1e9), 'big.json', { maxTrials: 1_000_000 })).toThrow(/plans 2000000000 trials/);
    expect(parseStudyConfig(plan(50_000), 'ok.json').config.studies[0].repetitions).toBe(50_000);
  });

  describe('an unwritable or full results folder', () => {
    const mounts: string[] = [];
    const isRoot = process.getuid?.() === 0;
    const mount = (options: string): string | undefined => {
      const point = mkdtempSync(join(scratch, 'mount-'));
      const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
      if (result.status !== 0) return undefined;
      mounts.push(point);
      return point;
    };
    afterAll(() => {
      for (const point of mounts) spawnSync('umount', [point]);
    });

    it('read-only: fails before the first trial with one line naming the path and errno', async (context) => {
      let point = isRoot ? mount('ro,size=1m') : mkdtempSync(join(scratch, 'readonly-'));
      if (!isRoot && point) execFileSync('chmod', ['555', point]);
      if (!point) {
        console.warn('SKIPPED (read-only results folder): cannot mount a read-only tmpfs here');
        context.skip();
        return;
      }
      point = join(point, 'results');
      const run = await replicate(point);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*results: cannot write the results there \((EROFS: read-only file system|EACCES: permission denied)\); choose another --out$/)]);
    });

    it('full: refused before the first trial when the estimated outputs do not fit; a disk full at the probe likewise', async (context) => {
      const small = isRoot ? mount('size=256k') : undefined;
      if (!small) {
        console.warn('SKIPPED (full results folder): mounting a tmpfs needs root');
        context.skip();
        return;
      }
      const run = await replicate(join(small, 'results'));
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*results: \d+(\.\d)? KiB free, the run needs about \d+(\.\d)? MiB \(journal, best schedules, traces, tables\); free some space or choose another --out$/)]);
      expect(existsSync(join(small, 'results', 'journal.jsonl'))).toBe(false);
      expect(tmpFiles(small)).toEqual([]);

      // fill it up: the write probe fails with ENOSPC
      writeFileSync(join(small, 'filler'), Buffer.alloc(0));
      try {
        for (;;) appendFileSync(join(small, 'filler'), Buffer.alloc(4096));
      } catch {
        // full
      }
      const full = await replicate(join(small, 'results'));
      expect(full.code).toBe(1);
      expect(full.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*results: cannot write the results there \(ENOSPC: no space left on device\)/)]);
      // and an atomic write that fails leaves no temporary file behind
      expect(() => writeFileAtomically(join(small, 'results', 'big.csv'), Buffer.alloc(1 << 20))).toThrow(/ENOSPC/);
      expect(tmpFiles(small)).toEqual([]);
      rmSync(join(small, 'filler'));
    });

    it('a file where the folder should be: one line, no trial run', async () => {
      const path = join(scratch, 'not-a-folder');
      writeFileSync(path, 'x');
      const run = await replicate(path);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*not-a-folder: cannot write the results there \((EEXIST|ENOTDIR)[^)]*\); choose another --out$/)]);
    });
  });
});
