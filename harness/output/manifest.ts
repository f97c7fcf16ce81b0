import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { VersionCount } from '../journal/codeVersions.js';
import type { JournalState } from '../journal/journal.js';
import type { KeepBest } from './bestSchedules.js';

/** Provenance of a results folder (manifest.json). */
export interface Manifest {
  readonly schedlab: string;
  readonly config: {
    readonly name: string;
    readonly path: string;
    readonly sha256: string;
    /** the config file's content, so a folder can be re-planned (merge) and audited without the file */
    readonly content: unknown;
  };
  /** data source spec */
  readonly data: string;
  /** `--run-seed`: the seed of the runs' randomness, when it replaced the config's baseSeed there (planTrials.ts) */
  readonly runSeed?: number;
  /** studies run (--only); all when absent */
  readonly only?: readonly string[];
  /** --shard i/N of this run, or the shard folders merged into this one */
  readonly shard?: string;
  readonly mergedFrom?: readonly string[];
  readonly git: { readonly commit?: string; readonly dirty?: boolean };
  readonly node: string;
  readonly cores: number;
  readonly workers?: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** complete, interrupted (Ctrl-C: rerun to resume) or partial (a shard, or --only) */
  readonly status: 'complete' | 'interrupted' | 'partial';
  readonly trials: { readonly planned: number; readonly recorded: number; readonly failed: number };
  /** deviations from the paper's protocol, from the config's `note` fields */
  readonly notes: readonly string[];
  /** the code versions of the records the outputs are derived from (one, unless --allow-mixed-versions) */
  readonly codeVersions?: readonly VersionCount[];
  /** the journal state the outputs were derived from (see harness/output/outputsCheck.ts) */
  readonly journal?: JournalState;
  /**
   * what best/ holds (harness/output/bestSchedules.ts): the best schedule of each cell (`cell`) or
   * every trial's (`all`), and how many files; absent in folders of versions before `--keep-best` (all)
   */
  readonly bestSchedules?: { readonly keep: KeepBest; readonly files: number };
  /** sha256 of each derived file (trials.csv, traces.csv, tables/*.csv), relative to the folder */
  readonly outputs?: Readonly<Record<string, string>>;
}

export function schedlabVersion(): string {
  const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/**
 * The checkout's commit and whether it has uncommitted changes. Outside git (a container image
 * has no .git) the commit the image was built from, SCHEDLAB_GIT_COMMIT (see Dockerfile), if set.
 */
export function gitState(): { commit?: string; dirty?: boolean } {
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    const built = process.env.SCHEDLAB_GIT_COMMIT?.trim();
    return built ? { commit: built } : {};
  }
}

export const machineFacts = () => ({ node: process.version, cores: availableParallelism() });
