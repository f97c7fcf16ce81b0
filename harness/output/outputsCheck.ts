import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Manifest } from './manifest.js';
import { resultPaths } from './resultPaths.js';

/**
 * Whether a results folder's derived files are the set its manifest was written with, derived
 * from the journal as it is now:
 * - `consistent`: every file listed in manifest.json has its recorded sha256, and journal.jsonl
 *   is the state the manifest was derived from (or is absent, as in a committed reference run:
 *   `journalChecked` is then false);
 * - `unstamped`: the manifest predates stamps (written by an older schedlab): nothing can be checked;
 * - `stale`: a file differs, or the journal has changed since — `problem` says which, in one line.
 */
export type OutputsCheck =
  | { readonly status: 'consistent'; readonly journalChecked: boolean }
  | { readonly status: 'unstamped'; readonly problem: string }
  | { readonly status: 'stale'; readonly problem: string };

export function checkOutputs(folder: string): OutputsCheck {
  const paths = resultPaths(folder);
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as Partial<Manifest>;
  } catch (error) {
    return { status: 'stale', problem: `${shown(paths.manifest)}: ${existsSync(paths.manifest) ? `not readable JSON (${(error as Error).message})` : 'missing'}` };
  }
  if (!manifest.outputs || !manifest.journal) {
    return { status: 'unstamped', problem: `${shown(paths.manifest)} records no journal state (written by an older schedlab): cannot check that the outputs match the journal` };
  }
  for (const [file, expected] of Object.entries(manifest.outputs)) {
    const path = paths.derived(file);
    if (!existsSync(path)) {
      // a committed reference folder keeps the derived files only (npm run reference): say so rather than "stale"
      if (!existsSync(paths.journal)) {
        return { status: 'stale', problem: `${shown(folder)} has no journal.jsonl and no ${file}, which manifest.json lists: a committed reference folder keeps only derived files (its figures and report are already rendered; npm run reference makes it again), otherwise the folder lost files` };
      }
      return { status: 'stale', problem: `${shown(path)} is missing although manifest.json lists it` };
    }
    if (sha256File(path) !== expected) return { status: 'stale', problem: `${shown(path)} is not the file manifest.json was written with (changed by hand, or its writing was cut short)` };
  }
  if (!existsSync(paths.journal)) return { status: 'consistent', journalChecked: false };
  const { records, bytes, sha256 } = manifest.journal;
  const size = statSync(paths.journal).size;
  const prefixMatches = size >= bytes && sha256Prefix(paths.journal, bytes) === sha256;
  if (prefixMatches && completeLength(paths.journal) === bytes) return { status: 'consistent', journalChecked: true };
  if (prefixMatches) {
    return { status: 'stale', problem: `${shown(paths.journal)} has records added after the outputs were derived from its first ${records} (a run was stopped before it rewrote them, or is still running): run npm run replicate again to rewrite them` };
  }
  return { status: 'stale', problem: `${shown(paths.journal)} is not the journal the outputs were derived from (${records} records, ${bytes} bytes; now ${size} bytes): records were lost or altered since` };
}

/** The length of a file up to and including its last newline (a torn tail does not count). */
function completeLength(path: string): number {
  const text = readFileSync(path);
  return text.lastIndexOf(0x0a) + 1;
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** sha256 of the first `length` bytes of a file, read in chunks. */
function sha256Prefix(path: string, length: number): string {
  const hash = createHash('sha256');
  const descriptor = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let position = 0;
    while (position < length) {
      const read = readSync(descriptor, chunk, 0, Math.min(chunk.length, length - position), position);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
      position += read;
    }
  } finally {
    closeSync(descriptor);
  }
  return hash.digest('hex');
}

/**
 * Whether the journal lost or changed records since manifest.json was derived from it (it must
 * still start with the bytes the manifest stamped): one line saying so, or undefined.
 */
export function journalChangedSinceStamp(folder: string): string | undefined {
  const paths = resultPaths(folder);
  let stamp: Manifest['journal'];
  try {
    stamp = (JSON.parse(readFileSync(paths.manifest, 'utf8')) as Partial<Manifest>).journal;
  } catch {
    return undefined;
  }
  if (!stamp || stamp.bytes === 0) return undefined;
  const size = existsSync(paths.journal) ? statSync(paths.journal).size : 0;
  if (size >= stamp.bytes && sha256Prefix(paths.journal, stamp.bytes) === stamp.sha256) return undefined;
  return `${relative(process.cwd(), paths.journal) || paths.journal}: the journal lost or changed records since manifest.json was derived from it `
    + `(${stamp.records} records in ${stamp.bytes} bytes then; ${size} bytes now${size < stamp.bytes ? ': truncated' : ''})`;
}
