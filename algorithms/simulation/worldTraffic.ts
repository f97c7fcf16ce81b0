import type { TrafficProfile } from '../problem/trafficProfile.js';

/**
 * The traffic the simulated world really sends: rows of a profile, simulation hour 0 being row
 * `origin`. The rows before `origin` are history (what a seasonal forecast learns from).
 */
export interface WorldTraffic {
  readonly profile: TrafficProfile;
  readonly origin: number;
}

/** Simulation hours the world has rows for (from hour 0 on). */
export const worldHours = (world: WorldTraffic): number => world.profile.hours - world.origin;

/** Requests of group g in simulation hour `hour`. */
export function trueRequests(world: WorldTraffic, hour: number, g: number): number {
  const width = world.profile.groups.length;
  return world.profile.requests[(world.origin + hour) * width + g];
}
