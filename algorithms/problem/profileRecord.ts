import { createHash } from 'node:crypto';
import type { TrafficProfile } from './trafficProfile.js';

/**
 * Which traffic profile a schedule was made on, as schedlab records it in schedule.json
 * (`"profile"`; the original tool ignores the key): where it came from, its shape and a
 * sha256 of its content, so evaluating or re-scheduling on another profile can be noticed.
 */
export interface ProfileRecord {
  /** the profile file given with --profile, as given */
  readonly file?: string;
  /** else the --data source whose 12-month profile it is, e.g. "builtin" */
  readonly data?: string;
  readonly hours: number;
  readonly groups: readonly string[];
  /** sha256 of the group names and the hour × group requests (little-endian int32) */
  readonly sha256: string;
}

/** sha256 of a profile's content: its group names, then every request count as little-endian int32. */
export function profileSha256(profile: TrafficProfile): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(profile.groups));
  const bytes = Buffer.alloc(profile.requests.length * 4);
  for (let i = 0; i < profile.requests.length; i++) bytes.writeInt32LE(profile.requests[i], i * 4);
  hash.update(bytes);
  return hash.digest('hex');
}

export function profileRecord(profile: TrafficProfile, origin: { file: string } | { data: string }): ProfileRecord {
  return { ...origin, hours: profile.hours, groups: [...profile.groups], sha256: profileSha256(profile) };
}

/** How to pass the recorded profile on the command line: `--profile FILE` or `--data SPEC`. */
export function profileOption(record: ProfileRecord): string {
  if (record.file !== undefined) return `--profile ${record.file}`;
  return `--data ${record.data ?? 'builtin'}`;
}
