import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The paper's public data, beside the repository (CI has it; never copied in). */
export const FENRIR_DIR = resolve(REPO_ROOT, '../shared/data/fenrir');
export const hasFenrirData = existsSync(FENRIR_DIR);

export const fenrirPath = (...parts: string[]): string => resolve(FENRIR_DIR, ...parts);

/** Says visibly why reference-data tests are skipped. */
export function warnIfFenrirMissing(what: string): void {
  if (!hasFenrirData) console.warn(`SKIPPED (${what}): ${FENRIR_DIR} not found — the paper's data is needed for this test`);
}
