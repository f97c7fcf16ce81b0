import { PAPER_GROUPS, splitRequests } from '../algorithms/problem/profileFormat.js';
import { createProfile, type TrafficProfile } from '../algorithms/problem/trafficProfile.js';
import { Rng } from '../algorithms/random/rng.js';
import { consecutiveHours } from './calendar.js';
import type { GitlabProfileParameters } from './gitlabProfileModel.js';
import { logNormalAr1Noise } from './logNormalNoise.js';

export interface GitlabProfileOptions {
  seed: number;
  /** default: the fitted trace's length (8274) */
  hours?: number;
  /** UTC time of hour 0; default: the fitted trace's start (Friday 2018-01-12 23:00) */
  start?: Date;
}

/**
 * A GitLab-style profile drawn from the fitted model (gitlabProfileModel.ts), split into the
 * paper's five groups exactly as the real trace was (10 % control, then 40/10/20/15/15).
 * Deterministic in the seed.
 */
export function generateGitlabProfile(parameters: GitlabProfileParameters, options: GitlabProfileOptions): TrafficProfile {
  const hours = options.hours ?? parameters.hours;
  const calendar = consecutiveHours(hours, options.start ?? new Date(parameters.start));
  const noise = logNormalAr1Noise(Rng.fromSeed(options.seed), hours, parameters.noise.phi, parameters.noise.sigma);
  const requests = new Int32Array(hours * PAPER_GROUPS.length);
  for (let h = 0; h < hours; h++) {
    const perHour = parameters.level
      * parameters.hourOfDay[calendar.hourOfDay[h]]
      * parameters.dayOfWeek[calendar.dayOfWeek[h]]
      * noise[h];
    splitRequests(perHour, requests, h * PAPER_GROUPS.length);
  }
  return createProfile(PAPER_GROUPS, requests);
}
