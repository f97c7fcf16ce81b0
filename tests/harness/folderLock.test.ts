import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNotLocked, FolderLockedError, lockFolder, STALE_AFTER_MS } from '../../harness/io/folderLock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'schedlab-lock-'));
/** A lock as another process left it: the directory and its owner file. */
function foreignLock(dir: string, owner: { pid: number; host: string }, ageMs = 0): void {
  mkdirSync(join(dir, '.lock'));
  writeFileSync(join(dir, '.lock-owner.json'), JSON.stringify({ ...owner, command: 'npm run replicate', since: '2026-01-01T00:00:00.000Z' }));
  const when = new Date(Date.now() - ageMs);
  utimesSync(join(dir, '.lock'), when, when);
}
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!; // exited by the time spawnSync returns

describe('folder lock', () => {
  it('is exclusive: a second taker fails at once naming the holder; released, it can be taken again', () => {
    const dir = folder();
    const lock = lockFolder(dir, 'npm run replicate');
    expect(() => lockFolder(dir, 'npm run merge')).toThrow(FolderLockedError);
    expect(() => lockFolder(dir, 'npm run merge')).toThrow(new RegExp(`is being written by process ${process.pid} on ${hostname()} \\(npm run replicate, since .*\\): one writer per results folder`));
    expect(() => assertNotLocked(dir)).toThrow(FolderLockedError);
    lock.release();
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    expect(() => assertNotLocked(dir)).not.toThrow();
    lockFolder(dir, 'again').release();
  });

  it('takes over at once the lock of a process of this host that is gone', () => {
    const dir = folder();
    foreignLock(dir, { pid: deadPid(), host: hostname() });
    expect(() => assertNotLocked(dir)).not.toThrow();
    lockFolder(dir, 'npm run replicate').release();
  });

  it('respects a fresh lock of another host, and takes one over that was not refreshed for the stale time', () => {
    const fresh = folder();
    foreignLock(fresh, { pid: 1234, host: 'node7.cluster' });
    expect(() => lockFolder(fresh, 'x')).toThrow(/is being written by process 1234 on node7\.cluster/);
    const stale = folder();
    foreignLock(stale, { pid: 1234, host: 'node7.cluster' }, STALE_AFTER_MS + 5000);
    lockFolder(stale, 'x').release();
  });
});
