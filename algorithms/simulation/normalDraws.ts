import type { Rng } from '../random/rng.js';

/**
 * Standard normal draws for the simulator (Box–Muller, both values of each pair used: the canary
 * analysis draws thousands per simulated hour). One instance per random stream, so a stream's
 * draws do not depend on who else draws.
 */
export class NormalDraws {
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly rng: Rng) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.rng.float(); // (0, 1]: the logarithm is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * this.rng.float();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}
