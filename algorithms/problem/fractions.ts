/**
 * Fractions are held as whole per-mille; the original tool holds them as 32-bit floats
 * `(float) k / 1000f`. This table gives that float for every per-mille value, so consumption
 * is computed exactly as the original did without a division in the search loop.
 */
export const FRACTION_OF_PERMILLE: Float32Array = (() => {
  const table = new Float32Array(65536);
  for (let k = 0; k < table.length; k++) table[k] = k / 1000;
  return table;
})();

export const MAX_PERMILLE = 65535;
export const FULL_CAPACITY_PERMILLE = 1000;

/**
 * Requests a group sends to an experiment in one hour: Java's `Math.round(requests * fraction)`
 * with a float fraction, for any fraction (reports reading schedule files use this one).
 */
export function consumedRequestsOfFraction(requests: number, fraction: number): number {
  return Math.round(Math.fround(requests * Math.fround(fraction)));
}

/**
 * `consumedRequests` for the search loop, in int32 arithmetic (the loop inlines this expression):
 * - the float fraction is computed, not looked up: `Math.fround(permille / 1000)` is exactly
 *   the table's value, and a division is cheaper in V8 than one more typed-array access;
 * - Math.round is one truncation: the product is a float32 value, so `x + 0.5` is exact in a
 *   double and truncating it is floor(x + 0.5), Java's and JavaScript's round-half-up, for
 *   0 ≤ x < 2^31. Profiles are capped at MAX_GROUP_REQUESTS_PER_HOUR and fractions at 65.535,
 *   which keeps x below 2^31.
 */
export function consumedRequestsInt32(requests: number, permille: number): number {
  return (Math.fround(requests * Math.fround(permille / 1000)) + 0.5) | 0;
}

/** The same for a per-mille fraction, through the table (the search loop's form). */
export function consumedRequests(requests: number, permille: number): number {
  return Math.round(Math.fround(requests * FRACTION_OF_PERMILLE[permille]));
}

/** Per-mille of a fraction read from a file; the fraction must be a multiple of 0.001. */
export function permilleOf(fraction: number): number | undefined {
  const permille = Math.round(fraction * 1000);
  if (Math.abs(fraction * 1000 - permille) > 1e-3 || permille < 0 || permille > MAX_PERMILLE) return undefined;
  return permille;
}

/**
 * The fraction of a group's hourly requests that yields `share` of `minTraffic` (spec §6/§8):
 * `ceil(1000 · share · minTraffic / available) / 1000`, with the original's float arithmetic.
 * Saturates at MAX_PERMILLE (an impossible demand stays over capacity, hence invalid).
 */
export function requiredPermille(share: number, minTraffic: number, available: number): number {
  if (minTraffic <= 0 || share <= 0) return 0;
  const fraction = Math.fround(Math.fround(share * Math.fround(minTraffic)) / available);
  const permille = Math.ceil(Math.fround(fraction * 1000));
  if (!(permille <= MAX_PERMILLE)) return MAX_PERMILLE; // also catches NaN/Infinity from available = 0
  return permille < 0 ? 0 : permille;
}
