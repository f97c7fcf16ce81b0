import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gitState, schedlabVersion } from '../output/manifest.js';
import { PROJECT_ROOT } from '../replicate/projectPaths.js';

/**
 * The code a trial record was made with. `sources` identifies it: a hash of every source file a
 * trial's result depends on (CODE_FOLDERS) and of the random generator's package version. Two
 * checkouts with equal `sources` compute equal results, whatever their commits; a commit that
 * only touches docs, tables or figures keeps the version. `commit`/`dirty` are provenance.
 */
export interface CodeVersion {
  /** sha256 (first 16 hex digits) of the trial code; the identity used to compare versions */
  readonly sources: string;
  readonly commit: string | null;
  readonly dirty: boolean | null;
  readonly schedlab: string;
}

/** Folders whose files determine a trial's result: the model, operators, algorithms, data, planning and the trial runner. */
export const CODE_FOLDERS = ['algorithms', 'datasets', 'harness/plan', 'harness/run'] as const;

/**
 * Files of those folders that cannot change a result: the progress display and the cost estimate
 * (it orders the trials, and every trial draws from its own seed). A change to them must not make a
 * half-done run refuse to resume.
 */
export const NOT_PART_OF_A_TRIAL = ['harness/plan/estimateCost.ts', 'harness/run/progressReporter.ts', 'harness/run/remainingTime.ts'] as const;

let cached: CodeVersion | undefined;

/** This checkout's code version (computed once per process). */
export function currentCodeVersion(): CodeVersion {
  if (cached) return cached;
  const git = gitState();
  cached = { sources: sourcesHash(PROJECT_ROOT), commit: git.commit ?? null, dirty: git.dirty ?? null, schedlab: schedlabVersion() };
  return cached;
}

/** The hash over the code files (path and content, in sorted order) under `root` (NOT_PART_OF_A_TRIAL aside), plus pure-rand's version. */
export function sourcesHash(root: string): string {
  const hash = createHash('sha256');
  const files = CODE_FOLDERS.flatMap((folder) => codeFiles(join(root, folder)))
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter((file) => !(NOT_PART_OF_A_TRIAL as readonly string[]).includes(file))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  hash.update(`pure-rand@${packageVersion(root, 'pure-rand')}`);
  return hash.digest('hex').slice(0, 16);
}

/** The trials.csv `version` column and manifest key of a version: its `sources` hash. */
export function versionLabel(version: CodeVersion | undefined): string {
  if (!version) return 'unversioned';
  return version.sources;
}

/** `sources 1a2b3c4d5e6f7a8b (commit 0123abc, uncommitted changes)` */
export function describeVersion(version: CodeVersion | undefined): string {
  if (!version) return 'an unversioned journal format (before code versions were recorded)';
  const commit = version.commit ? `commit ${version.commit.slice(0, 10)}${version.dirty ? ' with uncommitted changes' : ''}` : 'no git commit';
  return `code ${version.sources} (${commit})`;
}

function codeFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return codeFiles(path);
    return /\.(ts|mjs|js|json)$/.test(entry.name) ? [path] : [];
  });
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
