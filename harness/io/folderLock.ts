import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';

/** Another process holds the folder: one line naming it. */
export class FolderLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderLockedError';
  }
}

/** Who holds a lock: written beside the lock directory (`.lock-owner.json`) right after it is taken. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

export interface FolderLock {
  readonly path: string;
  release(): void;
}

/** A lock whose holder stops refreshing it for this long is stale (its machine died, or it was killed -9 on another host). */
export const STALE_AFTER_MS = 30_000;
/**
 * proper-lockfile's lock is a directory (mkdir is atomic, on NFS too) whose mtime the holder
 * refreshes and checks: nothing may be written into it, so the owner's name sits beside it.
 */
const ownerFile = (path: string) => `${path}-owner.json`;

/**
 * Takes the exclusive lock of a results folder (`<folder>/.lock`) for one writing process: a
 * second process fails at once with the holder's PID, host and command. A lock left by a process
 * of this host that no longer runs (kill -9, a crash) is taken over at once; one from another
 * host once it has not been refreshed for STALE_AFTER_MS. `onCompromised` is told if the lock is
 * lost while held (removed by hand, or taken over after this process stalled).
 */
export function lockFolder(folder: string, command: string, onCompromised: (error: Error) => void = (error) => { throw error; }): FolderLock {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, '.lock');
  const take = () => lockfile.lockSync(folder, {
    lockfilePath: path,
    realpath: false,
    stale: STALE_AFTER_MS,
    update: STALE_AFTER_MS / 6,
    onCompromised,
  });
  let release: () => void;
  try {
    release = take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (!removeIfHolderIsGone(path)) throw new FolderLockedError(lockedMessage(folder, path));
    try {
      release = take();
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
      throw new FolderLockedError(lockedMessage(folder, path));
    }
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  writeFileSync(ownerFile(path), `${JSON.stringify(owner)}\n`);
  let released = false;
  return {
    path,
    release: () => {
      if (released) return;
      released = true;
      rmSync(ownerFile(path), { force: true });
      try {
        release();
      } catch {
        // already lost (reported through onCompromised) or removed
      }
    },
  };
}

/** The holder of a lock directory, if it has written itself in yet. */
export function lockOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(ownerFile(path), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function lockedMessage(folder: string, path: string): string {
  const owner = lockOwner(path);
  const shown = relative(process.cwd(), folder) || '.';
  const holder = owner ? `process ${owner.pid} on ${owner.host} (${owner.command}, since ${owner.since})` : 'a process that is just starting';
  return `${shown} is being written by ${holder}: one writer per results folder — wait for it, stop it, or use another --out`;
}

/**
 * A lock of this host whose process is gone is stale at once. It is moved aside under a unique
 * name first (rename is atomic: of two processes seeing the same stale lock, one wins), then removed.
 * (Should the owner file name a dead process while a new holder has not yet rewritten it, the new
 * holder's lock is taken away: it finds out through onCompromised within STALE_AFTER_MS / 6.)
 */
function removeIfHolderIsGone(path: string): boolean {
  const owner = lockOwner(path);
  if (!owner || owner.host !== hostname() || isRunning(owner.pid)) return false;
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // another process removed it first
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Fails, naming the holder, if another process is writing `folder` now (for folders only read, such as merge inputs). */
export function assertNotLocked(folder: string): void {
  const path = join(folder, '.lock');
  if (!existsSync(path)) return;
  const locked = lockfile.checkSync(folder, { lockfilePath: path, realpath: false, stale: STALE_AFTER_MS });
  if (!locked) return;
  const owner = lockOwner(path);
  if (owner && owner.host === hostname() && !isRunning(owner.pid)) return;
  throw new FolderLockedError(lockedMessage(folder, path));
}
