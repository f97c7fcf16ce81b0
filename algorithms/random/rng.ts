import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The only source of randomness in schedlab: a seeded xoroshiro128+ (pure-rand) with the
 * draws the operators need. Pass it explicitly; never use Math.random.
 */
export class Rng {
  private constructor(private readonly generator: RandomGenerator) {}

  static fromSeed(seed: number): Rng {
    return new Rng(xoroshiro128plus(seed | 0));
  }

  /** Uniform integer in [0, bound). */
  below(bound: number): number {
    if (bound <= 1) return 0;
    return uniformInt(this.generator, 0, bound - 1);
  }

  /** Uniform integer in [from, to]. */
  between(from: number, to: number): number {
    return uniformInt(this.generator, from, to);
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }
}

/**
 * A 32-bit seed derived from a base seed and a name (e.g. a trial id), so every trial has its
 * own stream whatever order trials run in. FNV-1a over the text, mixed with the base seed.
 */
export function deriveSeed(baseSeed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (baseSeed | 0);
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash | 0;
}
