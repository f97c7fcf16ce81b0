import { existsSync, mkdirSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { errnoText } from '../io/errnoText.js';

/** A results folder that cannot take the run: one line naming the path and the reason. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/**
 * Proves, before any trial runs, that the folder takes files the way the run writes them: it is
 * created if needed, then a probe file is written, renamed and removed. A read-only, full or
 * foreign folder (or a file in its place) fails here, in one line, instead of after the trials.
 */
export function checkFolderWritable(folder: string): void {
  const probe = join(folder, `.write-probe-${process.pid}`);
  try {
    makeFolder(folder);
    writeFileSync(probe, 'schedlab write probe\n');
    renameSync(probe, `${probe}.renamed`);
    rmSync(`${probe}.renamed`);
  } catch (error) {
    for (const leftover of [probe, `${probe}.renamed`]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // the folder is not usable: nothing was left in it
      }
    }
    throw new PreflightError(`${shown(folder)}: cannot write the results there (${errnoText(error)}); choose another --out`);
  }
}

/**
 * mkdir -p that reports the real reason: a recursive mkdir under a read-only mount says ENOENT,
 * so the first missing folder is created on its own to get EROFS or EACCES.
 */
function makeFolder(folder: string): void {
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, '${folder}'`), { code: 'ENOTDIR' });
    return;
  }
  const parent = dirname(folder);
  if (parent !== folder) makeFolder(parent);
  mkdirSync(folder);
}

/** Refuses a run whose outputs would not fit the free space of the folder's file system. */
export function checkFreeSpace(folder: string, neededBytes: number): void {
  let free: number;
  try {
    const stats = statfsSync(folder);
    free = stats.bavail * stats.bsize;
  } catch {
    return; // no statfs here: the write probe and the atomic writes still fail cleanly
  }
  if (free < neededBytes) {
    throw new PreflightError(`${shown(folder)}: ${formatBytes(free)} free, the run needs about ${formatBytes(neededBytes)} (journal, best schedules, traces, tables); free some space or choose another --out`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
