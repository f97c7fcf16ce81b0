import { join } from 'node:path';
import type { Trial } from './trial.js';

/** The i-th of N slices (1-based) of a plan. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/N` (1 ≤ i ≤ N); throws a one-line message otherwise. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard ${text}: expected i/N with 1 ≤ i ≤ N, e.g. --shard 2/4`);
  }
  return { index, count };
}

/**
 * The trials of one shard: every N-th trial in plan order, starting at the i-th. Round-robin
 * deals each study, size and algorithm evenly over the shards, so shards take similar time.
 */
export function selectShard(trials: readonly Trial[], shard: Shard | undefined): Trial[] {
  if (!shard) return [...trials];
  return trials.filter((trial) => inShard(trial.index, shard));
}

/** Whether the item at `index` of a plan (0-based) belongs to the shard; every item does without one. */
export const inShard = (index: number, shard: Shard | undefined): boolean => !shard || index % shard.count === shard.index - 1;

/** `i/N`, as `--shard` takes it and manifests record it. */
export const shardText = (shard: Shard): string => `${shard.index}/${shard.count}`;

export const shardLabel = (shard: Shard): string => `shard-${shard.index}-of-${shard.count}`;

/** A run's default folder: `folder` itself, or its `shard-i-of-N` subfolder for a shard. */
export const shardFolder = (folder: string, shard: Shard | undefined): string => (shard ? join(folder, shardLabel(shard)) : folder);
