import type { Rng } from '../random/rng.js';

/**
 * Arrival hours of a Poisson process with `perHour` expected arrivals an hour, over hours
 * [fromHour, toHour): each hour's count is a Poisson draw (Knuth's product of uniforms; the means
 * here are small), an hour repeated once per arrival in it, ascending.
 */
export function poissonArrivalHours(rng: Rng, perHour: number, fromHour: number, toHour: number): number[] {
  const hours: number[] = [];
  if (!(perHour > 0)) return hours;
  const limit = Math.exp(-perHour);
  for (let hour = fromHour; hour < toHour; hour++) {
    let product = rng.float();
    while (product > limit) {
      hours.push(hour);
      product *= rng.float();
    }
  }
  return hours;
}
