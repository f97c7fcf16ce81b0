import type { Rng } from '../../../algorithms/random/rng.js';

/**
 * A stand-in for Rng that answers `below(bound)` with scripted values, so a test can pick
 * exactly which hour, group or shift an operator draws. Fails loudly on an out-of-range
 * script value or an unexpected draw; `remaining()` tells whether every value was used.
 */
export function scriptedRng(values: readonly number[]): Rng & { remaining(): number } {
  const queue = [...values];
  const below = (bound: number): number => {
    if (queue.length === 0) throw new Error(`scriptedRng: unexpected draw below(${bound})`);
    const value = queue.shift()!;
    if (!(value >= 0 && value < Math.max(bound, 1))) throw new Error(`scriptedRng: ${value} is not below ${bound}`);
    return value;
  };
  const fake = {
    below,
    between: (from: number, to: number) => from + below(to - from + 1),
    float: () => {
      throw new Error('scriptedRng: float() not scripted');
    },
    chance: () => {
      throw new Error('scriptedRng: chance() not scripted');
    },
    pick: <T>(items: readonly T[]) => items[below(items.length)],
    shuffle: <T>(items: T[]) => items,
    remaining: () => queue.length,
  };
  return fake as unknown as Rng & { remaining(): number };
}
