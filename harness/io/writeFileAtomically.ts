import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a sibling temporary file, then renames it over `path`: readers (and a crash) see the
 * old file or the new one, never half of one. The temporary name carries the process and
 * worker thread, so concurrent writers never share it. The one atomic writer of the project.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
