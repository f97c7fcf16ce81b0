import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a sibling temporary file, then renames it over `path`: readers (and a crash) see the
 * old file or the new one, never half of one. The temporary name carries the process and
 * thread so that concurrent writers never share it.
 */
export function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
