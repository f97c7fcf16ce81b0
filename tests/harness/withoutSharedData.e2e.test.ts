import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/referenceData.js';

/** Every test file that reads the paper's data (tests/support/referenceData's hasFenrirData, fenrirPath, FENRIR_DIR, or findFenrirFolder). */
function dataTests(): string[] {
  const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? walk(path) : entry.name.endsWith('.test.ts') ? [path] : [];
  });
  return walk(join(REPO_ROOT, 'tests'))
    .filter((path) => /\b(hasFenrirData|fenrirPath|FENRIR_DIR|warnIfFenrirMissing|findFenrirFolder)\b/.test(readFileSync(path, 'utf8')))
    .map((path) => relative(REPO_ROOT, path).split('\\').join('/'))
    .filter((file) => file !== 'tests/harness/withoutSharedData.e2e.test.ts') // names those words itself: never run it in its own child
    .sort();
}

describe('without ../shared', () => {
  // a child run never starts another (the file list leaves this file out; the variable makes sure)
  it.skipIf(process.env.SCHEDLAB_WITHOUT_SHARED_CHILD === '1')('every test that reads the paper\'s data passes or skips with a message (a clone with nothing beside it)', () => {
    const files = dataTests();
    expect(files.length).toBeGreaterThanOrEqual(9);
    // a clone of this checkout's HEAD (CI's clean tree; local uncommitted changes are not in it), with nothing beside it
    const parent = mkdtempSync(join(tmpdir(), 'schedlab-no-shared-'));
    const copy = join(parent, 'schedlab');
    try {
      const clone = spawnSync('git', ['clone', '-q', '--no-hardlinks', REPO_ROOT, copy], { encoding: 'utf8' });
      expect(clone.status, clone.stderr).toBe(0);
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
        cwd: copy, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1', CI: '1', SCHEDLAB_WITHOUT_SHARED_CHILD: '1' },
      });
      const output = run.stdout + run.stderr;
      expect(run.status, output.slice(-3000)).toBe(0);
      expect(output).toMatch(/SKIPPED \(.+\): .*shared\/data\/fenrir not found/);
      expect(output).toMatch(/\d+ skipped/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 240_000);
});
