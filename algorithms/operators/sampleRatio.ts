import type { Rng } from '../random/rng.js';

/**
 * Splits 100 % over `groupCount` groups in whole percent (spec §6): each group but the last
 * draws U[0, remaining], the last takes the rest. Writes 32-bit float shares (as the
 * original's `v / 100f`) into `shares[0..groupCount)`.
 */
export function sampleRatio(rng: Rng, groupCount: number, shares: Float64Array): void {
  let remaining = 100;
  for (let i = 0; i < groupCount - 1; i++) {
    const percent = rng.below(remaining + 1);
    shares[i] = Math.fround(percent / 100);
    remaining -= percent;
  }
  shares[groupCount - 1] = Math.fround(remaining / 100);
}
