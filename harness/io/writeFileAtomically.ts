import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a sibling temporary file, flushes it to the disk, then renames it over `path`: readers
 * (and a crash, even of the machine) see the old file or the new one, never half of one. The
 * temporary name carries the process and worker thread, so concurrent writers never share it; it
 * is removed when writing fails (a full disk stays no fuller). The one atomic writer of the project.
 * (write-file-atomic does the same but its current major needs Node 22; the project runs on 20.)
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeFileSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Flushes a folder's entries (renames, new files) to the disk; a no-op where folders cannot be opened. */
export function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, 'r');
    fsyncSync(descriptor);
  } catch {
    // some platforms and file systems refuse fsync on a folder; the files themselves were synced
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
