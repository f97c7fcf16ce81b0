import type { Rng } from '../algorithms/random/rng.js';

/** Standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.float(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}

/**
 * Multiplicative noise exp(e_h) with e an AR(1) process of lag-1 correlation `phi` and
 * stationary standard deviation `sigma`, started in its stationary distribution, then scaled
 * to mean exactly 1 over the `hours` so it moves the shape, not the level.
 */
export function logNormalAr1Noise(rng: Rng, hours: number, phi: number, sigma: number): Float64Array {
  const noise = new Float64Array(hours);
  const innovation = sigma * Math.sqrt(1 - phi * phi);
  let e = sigma * standardNormal(rng);
  let sum = 0;
  for (let h = 0; h < hours; h++) {
    if (h > 0) e = phi * e + innovation * standardNormal(rng);
    noise[h] = Math.exp(e);
    sum += noise[h];
  }
  const mean = sum / hours;
  for (let h = 0; h < hours; h++) noise[h] /= mean;
  return noise;
}
