import { createHash } from 'node:crypto';
import type { Trial } from '../plan/trial.js';

/**
 * What makes two runs of a trial id the same experiment: its definition (without its plan
 * position) and the data source. A journal record whose fingerprint differs (the config or
 * `--data` changed) does not count as done for the current plan.
 */
export function trialFingerprint(trial: Trial, data: string): string {
  const { index: _planPosition, ...definition } = trial;
  return createHash('sha256').update(JSON.stringify({ definition, data })).digest('hex').slice(0, 16);
}
