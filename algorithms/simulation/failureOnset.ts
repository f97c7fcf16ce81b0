/**
 * After how many healthy running hours a canary's defect shows, for a per-hour failure hazard:
 * a geometric draw by inversion of one uniform `u` in [0, 1), P(onset ≥ k) = (1 − hazard)^k.
 * Hazard 0 never fails (Infinity); hazard 1 fails in its first running hour (0). One uniform per
 * canary, drawn when it is created, so every planner meets the same defects at the same point
 * of each canary's run (common random numbers across the scenarios of a repetition).
 */
export function failureOnsetHours(u: number, hazard: number): number {
  if (!(hazard > 0)) return Number.POSITIVE_INFINITY;
  if (hazard >= 1) return 0;
  return Math.floor(Math.log(1 - u) / Math.log(1 - hazard));
}
