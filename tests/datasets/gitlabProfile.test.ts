import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../algorithms/problem/profileFormat.js';
import { BUILTIN_PROFILE_PARAMETERS, BUILTIN_PROFILE_SEED, builtinGitlabProfile } from '../../datasets/builtinDataSource.js';
import { consecutiveHours, GITLAB_TRACE_START, timestampedHours } from '../../datasets/calendar.js';
import { firstContiguousStretch, fitGitlabProfile } from '../../datasets/fitGitlabProfile.js';
import { profileStatistics, type ProfileStatistics } from '../../datasets/profileStatistics.js';
import { parseRawTrace } from '../../datasets/rawTrace.js';
import parametersJson from '../../datasets/gitlabProfileParameters.json' with { type: 'json' };
import { fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';

const SAT = 6;
const SUN = 0;
/** The paper's split keeps 90 % of the requests in the five groups (10 % control). */
const GROUP_SHARE = 0.9;

const builtin = builtinGitlabProfile();
const builtinStatistics = profileStatistics(builtin, consecutiveHours(builtin.hours, GITLAB_TRACE_START));

function traceStatistics(): ProfileStatistics {
  const path = fenrirPath('traffic_profiles/profile_gitlab_12_months.csv');
  const text = readFileSync(path, 'utf8');
  // the trace split into groups as the paper did, each row at its own timestamp
  return profileStatistics(parseProfile(text, path), timestampedHours(parseRawTrace(text, path).times));
}

describe('built-in GitLab-style profile', () => {
  it('has 8274 hours of the five paper groups', () => {
    expect(builtin.hours).toBe(8274);
    expect(builtin.groups).toEqual(['group1', 'group2', 'group3', 'group4', 'group5']);
  });

  it('is deterministic in its seed', () => {
    expect(builtinGitlabProfile(BUILTIN_PROFILE_SEED).requests).toEqual(builtin.requests);
    expect(builtinGitlabProfile(BUILTIN_PROFILE_SEED + 1).requests).not.toEqual(builtin.requests);
  });

  it.runIf(hasFenrirData)('matches the real trace: mean 2 %, hour-of-day and day-of-week factors 0.05, min/max 15 %', () => {
    const real = traceStatistics();
    const ours = builtinStatistics;
    console.info(`built-in vs trace (sum of groups): mean ${(ours.mean / 1e6).toFixed(3)} vs ${(real.mean / 1e6).toFixed(3)} M, `
      + `min ${(ours.min / 1e6).toFixed(3)} vs ${(real.min / 1e6).toFixed(3)} M, max ${(ours.max / 1e6).toFixed(3)} vs ${(real.max / 1e6).toFixed(3)} M`);
    expect(Math.abs(ours.mean / real.mean - 1)).toBeLessThan(0.02);
    ours.hourOfDay.forEach((factor, hour) => expect(Math.abs(factor - real.hourOfDay[hour]), `hour ${hour}`).toBeLessThan(0.05));
    ours.dayOfWeek.forEach((factor, day) => expect(Math.abs(factor - real.dayOfWeek[day]), `weekday ${day}`).toBeLessThan(0.05));
    expect(Math.abs(ours.min / real.min - 1)).toBeLessThan(0.15);
    expect(Math.abs(ours.max / real.max - 1)).toBeLessThan(0.15);
  });

  it('matches the spec §1 figures of the trace', () => {
    warnIfFenrirMissing('built-in profile vs the real trace; checking the spec §1 figures only');
    const ours = builtinStatistics;
    const raw = (value: number): number => value / GROUP_SHARE / 1e6;
    expect(raw(ours.mean)).toBeCloseTo(1.53, 1);
    expect(Math.abs(raw(ours.mean) / 1.53 - 1)).toBeLessThan(0.02);
    expect(Math.abs(raw(ours.min) / 0.5 - 1)).toBeLessThan(0.15);
    expect(Math.abs(raw(ours.max) / 2.82 - 1)).toBeLessThan(0.15);
    expect(Math.abs(ours.hourOfDay[14] - 1.3)).toBeLessThan(0.05);
    for (const night of [1, 2, 3, 4, 5]) expect(Math.abs(ours.hourOfDay[night] - 0.75)).toBeLessThan(0.05);
    expect(Math.abs(ours.dayOfWeek[SAT] - 0.72)).toBeLessThan(0.05);
    expect(Math.abs(ours.dayOfWeek[SUN] - 0.65)).toBeLessThan(0.05);
    for (const weekday of [1, 2, 3, 4, 5]) {
      expect(ours.dayOfWeek[weekday]).toBeGreaterThan(1.08 - 0.05);
      expect(ours.dayOfWeek[weekday]).toBeLessThan(1.18 + 0.05);
    }
  });
});

describe('fitted parameters', () => {
  it('hold fitted values only, no data rows', () => {
    const arrays = Object.values(parametersJson).filter(Array.isArray);
    expect(arrays.every((array) => array.length <= 24)).toBe(true);
    expect(JSON.stringify(parametersJson).length).toBeLessThan(4000);
  });

  it.runIf(hasFenrirData)('are what the fit of the real trace gives', () => {
    const path = fenrirPath('traffic_profiles/profile_gitlab_12_months.csv');
    const trace = parseRawTrace(readFileSync(path, 'utf8'), path);
    // the trace is 1230 contiguous hours, then one window of itself repeated (timestamps jump back)
    expect(firstContiguousStretch(trace.times)).toBe(1230);
    const fitted = fitGitlabProfile(trace.requestsPerHour, trace.times, timestampedHours(trace.times));
    expect(Math.abs(fitted.level - BUILTIN_PROFILE_PARAMETERS.level)).toBeLessThan(1);
    fitted.hourOfDay.forEach((factor, hour) => expect(factor).toBeCloseTo(BUILTIN_PROFILE_PARAMETERS.hourOfDay[hour], 4));
    fitted.dayOfWeek.forEach((factor, day) => expect(factor).toBeCloseTo(BUILTIN_PROFILE_PARAMETERS.dayOfWeek[day], 4));
    expect(fitted.noise.phi).toBeCloseTo(BUILTIN_PROFILE_PARAMETERS.noise.phi, 4);
    expect(fitted.noise.sigma).toBeCloseTo(BUILTIN_PROFILE_PARAMETERS.noise.sigma, 4);
  });
});
