import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatExperiments } from '../../algorithms/problem/experimentFormat.js';
import { formatGroupTable } from '../../algorithms/problem/profileFormat.js';
import { parseScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { syntheticExperiments, syntheticProfile } from '../algorithms/support/syntheticProblem.js';
import { runTsx } from '../support/runCommand.js';

// Re-scheduling (spec §10) writes its plan in a stated time frame and records the re-scheduling
// hour, so that evaluating or re-scheduling it again on the original profile is right or refused.

const dir = mkdtempSync(join(tmpdir(), 'schedlab-time-frame-'));
const profile = join(dir, 'profile.csv');
const experiments = join(dir, 'experiments.json');
writeFileSync(profile, formatGroupTable(syntheticProfile()));
writeFileSync(experiments, formatExperiments(syntheticExperiments()));
const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8');
const schedule = (args: string[]) => runTsx('harness/cli/schedule.ts', [...args, '--quiet']);
const evaluate = (args: string[]) => runTsx('harness/cli/evaluate.ts', args);
const ga = ['--algorithm', 'genetic', '--param', 'generations=3', '--param', 'populationSize=8'];

const base = join(dir, 'base');
const baseRun = schedule(['--algorithm', 'one-plus-one', '--experiments', experiments, '--profile', profile, '--param', 'iterations=100', '--sampler', 'as-published', '--out', base]);
const restart = (out: string, from: string, at: number, extra: string[] = []) =>
  schedule([...ga, '--restart-from', from, '--profile', profile, '--at', String(at), '--out', out, ...extra]);
const original = join(dir, 'original');
const shifted = join(dir, 'shifted');
const originalRun = restart(original, join(base, 'schedule.json'), 24, ['--discard', '6']);
const shiftedRun = restart(shifted, join(base, 'schedule.json'), 24, ['--discard', '6', '--time-frame', 'shifted']);

describe('npm run schedule --restart-from: the time frame of a re-scheduled plan', () => {
  it('default "original": hours of the profile, the re-scheduling hour recorded in schedule.json and run.json', () => {
    expect(baseRun.status).toBe(0);
    expect(originalRun.stderr).toBe('');
    expect(originalRun.status).toBe(0);
    const lines = originalRun.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^re-scheduling ${join(base, 'schedule.json')} at hour 24: \\d+ experiments \\(\\d+ running, \\d+ not started, 0 new, \\d+ finished before, 1 discarded\\) on `));
    expect(lines[1]).toMatch(/^genetic seed 1: F 0\.\d{6} .* → .*; hours of the profile$/);

    const file = parseScheduleFile(read(original, 'schedule.json'), 'original');
    const old = parseScheduleFile(read(base, 'schedule.json'), 'base');
    const runningAt24 = old.entries.filter((entry) => entry.startSlot < 24 && entry.startSlot + entry.assignments.length > 24 && entry.experiment.id !== 6);
    expect(runningAt24.length).toBeGreaterThan(0);
    expect(file.rescheduling).toEqual({
      atHour: 24,
      timeFrame: 'original',
      running: runningAt24.map((entry) => (entry.experiment.type === 'BUSINESS'
        ? { id: entry.experiment.id, keepGroups: Object.keys(entry.assignments[24 - entry.startSlot].trafficAssignment).sort() }
        : { id: entry.experiment.id })).sort((a, b) => file.entries.findIndex((e) => e.experiment.id === a.id) - file.entries.findIndex((e) => e.experiment.id === b.id)),
    });
    // running experiments go on from hour 24, nothing starts before it
    for (const entry of runningAt24) expect(file.entries.find((next) => next.experiment.id === entry.experiment.id)?.startSlot, `experiment ${entry.experiment.id}`).toBe(24);
    expect(Math.min(...file.entries.map((entry) => entry.startSlot))).toBe(24);
    expect(file.entries.map((entry) => entry.experiment.id)).not.toContain(6);

    const record = JSON.parse(read(original, 'run.json'));
    expect(record.timeFrame).toEqual({ frame: 'original', restartHour: 24, note: expect.stringContaining('hours of the profile (all ≥ 24)') });
    expect(record.inputs).toMatchObject({ at: 24, discard: [6], profileHours: 960, running: runningAt24.map((entry) => entry.experiment.id).sort((a, b) => a - b) });
    expect(read(original, 'consumption.csv').split('\n')[1]).toMatch(/^24,/);
    expect(read(original, 'gantt.txt').split('\n')[0]).toMatch(/^genetic, seed 1, re-scheduled at hour 24: \d+ experiments, hours 24–/);
  });

  it('"shifted": the same plan counted from the re-scheduling hour; both frames evaluate to the run\'s own scores', () => {
    expect(shiftedRun.status).toBe(0);
    expect(shiftedRun.stdout).toMatch(/; hours counted from hour 24\n$/);
    const inOriginal = parseScheduleFile(read(original, 'schedule.json'), 'original');
    const inShifted = parseScheduleFile(read(shifted, 'schedule.json'), 'shifted');
    expect(inShifted.rescheduling).toEqual({ ...inOriginal.rescheduling, timeFrame: 'shifted' });
    expect(inShifted.entries.map((entry) => ({
      ...entry,
      startSlot: entry.startSlot + 24,
      assignments: entry.assignments.map((assignment) => ({ ...assignment, hour: assignment.hour + 24 })),
    }))).toEqual(inOriginal.entries);
    const rows = (out: string) => read(out, 'consumption.csv').trimEnd().split('\n').slice(1).map((row) => row.split(','));
    expect(rows(shifted).map(([hour, ...rest]) => [String(Number(hour) + 24), ...rest])).toEqual(rows(original));
    expect(JSON.parse(read(shifted, 'run.json')).timeFrame.frame).toBe('shifted');

    const fitness = JSON.parse(read(original, 'run.json')).fitness;
    expect(JSON.parse(read(shifted, 'run.json')).fitness).toEqual(fitness);
    for (const [out, frameText] of [[original, 'of the profile'], [shifted, 'counted from hour 24']]) {
      const text = evaluate(['--schedule', join(out, 'schedule.json'), '--profile', profile]);
      expect(text.stderr).toBe('');
      expect(text.status).toBe(0);
      expect(text.stdout.split('\n')[2]).toBe(`frame     re-scheduled at hour 24: hours ${frameText}, evaluated on the profile from hour 24 on, start score counted from it`);
      const json = JSON.parse(evaluate(['--schedule', join(out, 'schedule.json'), '--profile', profile, '--json']).stdout);
      expect(json).toMatchObject({ valid: true, warnings: [], fitness: fitness.fitness, durationScore: fitness.durationScore, startScore: fitness.startScore, userGroupScore: fitness.userGroupScore });
    }
  });

  it('re-schedules a re-scheduled plan again (--at is an hour of the profile): the same from either frame', () => {
    const [fromOriginal, fromShifted, tooEarly] = [
      restart(join(dir, 'again-original'), join(original, 'schedule.json'), 48, ['--seed', '3']),
      restart(join(dir, 'again-shifted'), join(shifted, 'schedule.json'), 48, ['--seed', '3']),
      restart(join(dir, 'too-early'), join(original, 'schedule.json'), 10),
    ];
    expect(fromOriginal.stderr).toBe('');
    expect(fromOriginal.status).toBe(0);
    expect(fromShifted.status).toBe(0);
    expect(read(join(dir, 'again-shifted'), 'schedule.json')).toBe(read(join(dir, 'again-original'), 'schedule.json'));
    const again = parseScheduleFile(read(join(dir, 'again-original'), 'schedule.json'), 'again');
    expect(again.rescheduling?.atHour).toBe(48);
    expect(Math.min(...again.entries.map((entry) => entry.startSlot))).toBeGreaterThanOrEqual(48);
    const evaluated = JSON.parse(evaluate(['--schedule', join(dir, 'again-original', 'schedule.json'), '--profile', profile, '--json']).stdout);
    expect(evaluated.fitness).toBe(JSON.parse(read(join(dir, 'again-original'), 'run.json')).fitness.fitness);

    expect(tooEarly.status).toBe(1);
    expect(tooEarly.stderr.trim()).toBe(`error: --at: ${join(original, 'schedule.json')} is a plan re-scheduled at hour 24; re-schedule it at that hour or later (--at is an hour of the profile)`);
  });

  it('re-scheduling on another profile than the old plan was made on warns, naming both', () => {
    const busier = join(dir, 'busier.csv');
    const profileData = syntheticProfile();
    writeFileSync(busier, formatGroupTable(createProfile(profileData.groups, profileData.requests.map((requests) => requests * 2))));
    const result = schedule([...ga, '--restart-from', join(base, 'schedule.json'), '--profile', busier, '--at', '24', '--out', join(dir, 'busier')]);
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toMatch(new RegExp(`^warning: ${join(base, 'schedule.json')} was made on another profile \\(--profile ${profile}, 960 hours, sha256 [0-9a-f]{12}…\\) ` +
      `than the one given \\(--profile ${busier}, 960 hours, sha256 [0-9a-f]{12}…\\): what its experiments consumed before hour 24 is counted on the one given$`));
  });

  it('evaluate refuses, in one line, what it cannot evaluate right', () => {
    const short = join(dir, 'short.csv');
    writeFileSync(short, formatGroupTable(createProfile(syntheticProfile().groups, syntheticProfile().requests.slice(0, 20 * 5))));
    const tooShort = evaluate(['--schedule', join(shifted, 'schedule.json'), '--profile', short]);
    expect(tooShort.status).toBe(1);
    expect(tooShort.stderr.trim()).toBe(`error: ${join(shifted, 'schedule.json')}: rescheduling.atHour: the plan was re-scheduled at hour 24, but the profile has only 20 hours (0–19): not the profile it was made on`);

    const edited = join(dir, 'edited.json');
    const text = JSON.parse(read(original, 'schedule.json'));
    const [, first] = text.scheduledExperiments[0];
    first.startSlot = 14;
    first.assignments.forEach((assignment: { hour: number }, k: number) => { assignment.hour = 14 + k; });
    writeFileSync(edited, JSON.stringify(text));
    const before = evaluate(['--schedule', edited, '--profile', profile]);
    expect(before.status).toBe(1);
    expect(before.stderr.trim()).toMatch(new RegExp(`^error: ${edited}: scheduledExperiments\\[0\\] \\(experiment \\d+\\): starts at hour 14, before the re-scheduling hour 24 \\(the file is in the original time frame: hours of the profile\\)$`));

    const withSet = evaluate(['--schedule', join(original, 'schedule.json'), '--profile', profile, '--experiments', experiments]);
    expect(withSet.status).toBe(1);
    expect(withSet.stderr.trim()).toContain('rescheduling: is a plan re-scheduled at hour 24: its experiments are what remained of them then');
  });
});
