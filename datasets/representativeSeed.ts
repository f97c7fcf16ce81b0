import { consecutiveHours } from './calendar.js';
import { generateGitlabProfile } from './gitlabProfile.js';
import type { GitlabProfileParameters } from './gitlabProfileModel.js';
import { profileStatistics } from './profileStatistics.js';

export interface SeedChoice {
  seed: number;
  /** largest |log(generated / target)| of min and max for that seed */
  error: number;
  /** share of the candidate seeds whose min and max are both within 15 % of the target */
  shareWithin15Percent: number;
}

/**
 * Picks the built-in profile's seed: among `candidates`, the realisation whose minimum and
 * maximum hourly totals (sum of groups) come closest to the target's. Mean and calendar
 * factors hardly depend on the seed; the extremes do (they are the tails of 12 months of
 * noise), so a fixed rule picks a representative draw instead of an arbitrary one.
 */
export function representativeSeed(
  parameters: GitlabProfileParameters,
  target: { min: number; max: number },
  candidates: readonly number[],
): SeedChoice {
  let best: SeedChoice | undefined;
  let within = 0;
  for (const seed of candidates) {
    const profile = generateGitlabProfile(parameters, { seed });
    const statistics = profileStatistics(profile, consecutiveHours(profile.hours, new Date(parameters.start)));
    const minError = Math.abs(Math.log(statistics.min / target.min));
    const maxError = Math.abs(Math.log(statistics.max / target.max));
    if (Math.abs(statistics.min / target.min - 1) <= 0.15 && Math.abs(statistics.max / target.max - 1) <= 0.15) within++;
    const error = Math.max(minError, maxError);
    if (!best || error < best.error) best = { seed, error, shareWithin15Percent: 0 };
  }
  if (!best) throw new Error('no candidate seeds');
  return { ...best, shareWithin15Percent: within / candidates.length };
}
