import { z } from 'zod';
import { InputError } from '../algorithms/problem/inputError.js';

/**
 * The GitLab-style traffic model (datasets/README.md):
 *
 *   requests(h) = level · hourOfDay[UTC hour of h] · dayOfWeek[UTC weekday of h] · noise(h)
 *   noise(h)    = exp(e_h) / mean over the horizon of exp(e),
 *   e_h         = phi · e_{h−1} + sigma · √(1 − phi²) · N(0, 1),   e_0 ~ N(0, sigma²)
 *
 * i.e. a calendar pattern times stationary AR(1) log-normal noise whose marginal standard
 * deviation (in log space) is `sigma`. Normalising the noise to mean 1 keeps the profile's
 * mean at the fitted level whatever the seed.
 */
export const gitlabProfileParametersSchema = z.object({
  note: z.string(),
  /** mean requests per hour, control group included */
  level: z.number().positive(),
  /** index = UTC hour */
  hourOfDay: z.array(z.number().positive()).length(24),
  /** index = weekday, 0 = Sunday */
  dayOfWeek: z.array(z.number().positive()).length(7),
  noise: z.object({
    phi: z.number().gt(-1).lt(1),
    sigma: z.number().nonnegative(),
  }),
  /** length and start of the fitted trace, the defaults of the generator */
  hours: z.number().int().positive(),
  start: z.string(),
  /** seed of the built-in profile, chosen by the fit (representativeSeed.ts) */
  builtinSeed: z.number().int(),
}).passthrough();

export type GitlabProfileParameters = z.infer<typeof gitlabProfileParametersSchema>;

export function parseGitlabProfileParameters(value: unknown, source: string): GitlabProfileParameters {
  const result = gitlabProfileParametersSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(source, issue.path.join('.') || '(root)', issue.message);
  }
  return result.data;
}
