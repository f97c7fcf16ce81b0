import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../harness/report/headlessChromium.js';
import { REPO_ROOT } from '../support/referenceData.js';

// A fresh clone of this checkout's HEAD (uncommitted changes are not in it), with this
// checkout's node_modules linked in: what a new user gets from `git clone && npm ci`.
const scratch = mkdtempSync(join(tmpdir(), 'schedlab-layout-'));
const clone = join(scratch, 'schedlab');
const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(clone, script), ...args], {
  cwd: clone, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' },
});
let head = '';

beforeAll(() => {
  head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '-q', '--no-checkout', REPO_ROOT, clone]);
  git('checkout', '-q', head);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
});

afterAll(() => {
  // the clone holds a few MB of results; leave nothing in /tmp
  execFileSync('rm', ['-rf', scratch]);
});

describe('results layout: runs never change tracked files', () => {
  it('npm run replicate -- --quick (default folder, with figures) leaves git status as it was', () => {
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    const result = run('harness/cli/replicate.ts', ['--quick', '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(clone, 'results/runs/quick/manifest.json'))).toBe(true);
    expect(existsSync(join(clone, 'results/runs/quick/report.html'))).toBe(true);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('npm run reference refuses a tree with a changed tracked file, naming it, and writes nothing', () => {
    appendFileSync(join(clone, 'README.md'), '\nlocal edit\n');
    const result = run('harness/cli/reference.ts', ['--config', 'tests/harness/fixtures/tiny-study.json', '--no-screenshot']);
    git('checkout', '-q', '--', 'README.md');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/before the run: the working tree is not clean \(1 change\(s\): M README\.md\)/);
    expect(existsSync(join(clone, 'results/reference/tiny-study'))).toBe(false);
  });

  it('npm run reference writes results/reference/<config>/ from the clean tree: derived files only, the commit recorded', () => {
    const screenshot = chromiumPath() !== undefined;
    if (!screenshot) console.warn('SKIPPED (reference screenshot): no Chromium; the reference run is checked with --no-screenshot');
    const result = run('harness/cli/reference.ts', ['--config', 'tests/harness/fixtures/tiny-study.json', '--workers', '2', ...(screenshot ? [] : ['--no-screenshot'])]);
    expect(result.status, result.stderr).toBe(0);
    const folder = join(clone, 'results/reference/tiny-study');
    const files = readdirSync(folder).sort();
    expect(files).toEqual(expect.arrayContaining(['figures', 'manifest.json', 'report.html', 'report.md', 'tables', 'trials.csv']));
    for (const raw of ['journal.jsonl', 'traces.csv', 'best', '.lock']) expect(files).not.toContain(raw);
    expect(files.includes('report-screenshot.png')).toBe(screenshot);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.git).toEqual({ commit: head, dirty: false });
    expect(manifest.status).toBe('complete');
    expect(result.stderr).toContain(`written to results/reference/tiny-study`);
    expect(result.stderr).toMatch(/wall time; commit it: git add results\/reference\/tiny-study/);
    // the only change to the tree: the new reference folder, ready to be committed
    expect(git('status', '--porcelain')).toBe('?? results/reference/tiny-study/\n');
  });

  it('npm run reference of a simulation config writes results/reference/<config>/: tables, report.md and figures, not the raw rows', () => {
    // the reference above left its folder untracked: the tree must be clean again
    execFileSync('rm', ['-rf', join(clone, 'results/reference/tiny-study')]);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    const result = run('harness/cli/reference.ts', ['--config', 'configs/simulation-quick.json', '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    const folder = join(clone, 'results/reference/simulation-quick');
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['best-algorithm.csv', 'figures', 'replanning-gain.csv', 'report.md', 'simulation.json', 'simulations.csv', 'summary.csv', 'timings.csv']);
    const manifest = JSON.parse(readFileSync(join(folder, 'simulation.json'), 'utf8'));
    expect(manifest.code).toMatchObject({ commit: head, dirty: false });
    expect(manifest).toMatchObject({ kind: 'simulation', status: 'complete', runs: 16, capacityOverruns: 0 });
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).toContain(`Made at commit ${head.slice(0, 12)} (simulator code ${manifest.simulationCode}) from \`configs/simulation-quick.json\``);
    expect(result.stderr).toMatch(/reference: 16 simulated runs at commit \w{12} written to results\/reference\/simulation-quick/);
    expect(git('status', '--porcelain')).toBe('?? results/reference/simulation-quick/\n');
  });
});
