import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { minTrafficAt } from '../../algorithms/problem/experiment.js';
import { consumedRequests } from '../../algorithms/problem/fractions.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { InputError } from '../../algorithms/problem/inputError.js';
import { profileOption, profileSha256, type ProfileRecord } from '../../algorithms/problem/profileRecord.js';
import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { planOfScheduleFile } from '../../algorithms/rescheduling/scheduledPlan.js';
import { openDataSource } from '../../datasets/dataSource.js';
import { DEFAULT_FENRIR_FOLDER } from '../../datasets/fenrirLocation.js';
import { FENRIR_LAYOUT } from '../../datasets/fenrirDataSource.js';

const short = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/**
 * Does a schedule fit the profile it is about to be evaluated on? Groups the profile lacks make it
 * meaningless: an InputError naming them. Hours past the profile's end and a profile recorded in
 * the file (schedlab writes one) that differs from this one are returned as warnings, which the
 * CLI prints first; the evaluation itself then shows what breaks.
 */
export function profileFit(file: ScheduleFile, given: ProfileRecord, source: string, profileName: string): string[] {
  const madeOn = file.profile && file.profile.sha256 !== given.sha256
    ? `${source} was made on another profile: ${profileOption(file.profile)} (${file.profile.hours} hours, groups ${file.profile.groups.join(', ')}, sha256 ${short(file.profile.sha256)}), ` +
      `not on ${profileName} (${given.hours} hours, sha256 ${short(given.sha256)}); evaluate it with ${profileOption(file.profile)}`
    : undefined;

  const used = new Set<string>();
  for (const entry of file.entries) {
    for (const group of entry.experiment.preferredUserGroup) used.add(group);
    for (const assignment of entry.assignments) for (const group of Object.keys(assignment.trafficAssignment)) used.add(group);
  }
  const missing = [...used].filter((group) => !given.groups.includes(group)).sort();
  if (missing.length > 0) {
    const hint = madeOn ? `: ${madeOn}` : `; evaluate it on the profile it was made for (--profile FILE or --data SOURCE)`;
    throw new InputError(source, undefined, `does not fit ${profileName}: it uses group${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which the profile does not have (groups: ${given.groups.join(', ')})${hint}`);
  }

  const warnings: string[] = [];
  if (madeOn) warnings.push(madeOn);
  const shift = file.rescheduling?.timeFrame === 'shifted' ? file.rescheduling.atHour : 0;
  const end = file.entries.reduce((last, entry) => Math.max(last, entry.startSlot + entry.assignments.length), 0) + shift;
  if (end > given.hours) {
    warnings.push(`${source} does not fit ${profileName}: it runs until hour ${end - 1}${shift ? ' of the profile' : ''}, but the profile has hours 0–${given.hours - 1}` +
      (madeOn ? '' : '; evaluate it on the profile it was made for (--profile FILE or --data SOURCE)'));
  }
  return warnings;
}

interface Candidate {
  readonly option: string;
  readonly profile: () => TrafficProfile;
}

/**
 * Share of a schedule's experiment-hours whose traffic is sized to the profile: enough, and less
 * than one per-mille step of each group used (plus rounding) above the need. Fractions are derived
 * from the profile's traffic (spec §6: ceil to whole per mille), so on the profile a schedule was
 * made for this is (nearly) 1; on a busier one it is valid but oversized, on a quieter one short.
 * Measured: the paper's GA schedule 1.000 on its profile, 0.095 on the built-in one; a built-in
 * GA schedule 1.000 on its profile, 0.115 on the paper's.
 */
export function sizedShare(individual: Individual): number {
  const { problem } = individual;
  const { profile } = problem;
  const width = profile.groups.length;
  let sized = 0;
  let total = 0;
  problem.experiments.forEach((experiment, e) => {
    if (!individual.placed[e]) return;
    const schedule = individual.schedules[e];
    for (let offset = 0; offset < schedule.duration; offset++) {
      const hour = schedule.start + offset;
      if (hour < 0 || hour >= profile.hours) continue;
      let consumed = 0;
      let step = 0;
      for (let g = 0; g < width; g++) {
        if (!((schedule.groupMask[offset] >>> g) & 1)) continue;
        const requests = profile.requests[hour * width + g];
        consumed += consumedRequests(requests, schedule.fractionPermille(offset, g));
        step += Math.ceil(requests / 1000) + 1;
      }
      const need = minTrafficAt(experiment, offset, schedule.duration);
      total++;
      if (consumed >= need && consumed < need + step) sized++;
    }
  });
  return total === 0 ? 0 : sized / total;
}

/** A candidate profile "is the one" when the schedule is valid on it and sized to it in at least this share of its hours. */
const SIZED_TO_PROFILE = 0.9;

/**
 * For a schedule without a recorded profile that is invalid on the profile given: the data sources
 * it may have been made for (built-in, the replication package at its default place, and the
 * package folder the schedule file lies in), and the first on which it is valid and sized to the
 * traffic (`sizedShare`), as a hint `… pass --data fenrir`. Undefined if none: then the schedule
 * is simply invalid.
 */
export function otherProfileHint(file: ScheduleFile, source: string, given: { sha256: string; name: string }): string | undefined {
  const candidates: Candidate[] = [{ option: '--data builtin', profile: () => openDataSource('builtin').profile() }];
  const folders = [DEFAULT_FENRIR_FOLDER, resolve(dirname(resolve(source)), '..')];
  folders.forEach((folder, i) => {
    if (i > 0 && folder === folders[0]) return;
    if (!existsSync(resolve(folder, FENRIR_LAYOUT.gitlabProfile))) return;
    const option = folder === DEFAULT_FENRIR_FOLDER ? '--data fenrir' : `--data fenrir:${relative(process.cwd(), folder) || '.'}`;
    candidates.push({ option, profile: () => openDataSource(`fenrir:${folder}`).profile() });
  });
  for (const candidate of candidates) {
    let profile: TrafficProfile;
    try {
      profile = candidate.profile();
    } catch {
      continue;
    }
    if (profileSha256(profile) === given.sha256) continue;
    try {
      const { individual } = planOfScheduleFile(profile, file, source);
      if (individual.valid && individual.placed.every((placed) => placed === 1) && sizedShare(individual) >= SIZED_TO_PROFILE) {
        return `${source} does not fit ${given.name}: it is invalid there but valid on the profile of ${candidate.option}, probably the one it was made for — pass ${candidate.option}`;
      }
    } catch {
      // does not fit this candidate either
    }
  }
  return undefined;
}
