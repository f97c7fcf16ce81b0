import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `<root>/datasets`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the reference data of the replication package is expected: `<root>/../shared/data/fenrir`. */
export const DEFAULT_FENRIR_FOLDER = resolve(REPO_ROOT, '../shared/data/fenrir');

/** The reference folder when it is present, else undefined (tests skip, visibly). */
export function findFenrirFolder(): string | undefined {
  return existsSync(DEFAULT_FENRIR_FOLDER) ? DEFAULT_FENRIR_FOLDER : undefined;
}
