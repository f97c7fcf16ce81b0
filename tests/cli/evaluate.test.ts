import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';
import { runTsx } from '../support/runCommand.js';

const evaluate = (args: string[]) => runTsx('harness/cli/evaluate.ts', args);

describe('npm run evaluate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schedlab-evaluate-'));
  const profile = join(dir, 'profile.csv');
  writeFileSync(profile, `hour,group1,group2\n${Array.from({ length: 10 }, (_, h) => `${h},1000,500`).join('\n')}\n`);
  const schedule = (start: number, fraction: number) => {
    const path = join(dir, `schedule-${start}-${fraction}.json`);
    writeFileSync(path, JSON.stringify({ id: 't', scheduledExperiments: [[
      { baseType: 'Experiment', id: 7, type: 'BUSINESS', targetService: 'service1', minDuration: 3, requiredTotalTraffic: 300, priority: 2, preferredUserGroup: ['group1'] },
      { startSlot: start, assignments: [0, 1, 2].map((k) => ({ hour: start + k, trafficAssignment: { group1: fraction } })) },
    ]] }));
    return path;
  };

  it('prints scores and validity of a valid schedule (hand-computed: D 1, U 1, S 1/2, F 0.8)', () => {
    const result = evaluate(['--schedule', schedule(1, 0.1), '--profile', profile]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid     yes');
    expect(result.stdout).toContain('D 1.0000000  U 1.0000000  S 0.5000000  total 0.8000000');
  });

  it('lists violations and exits 2 for an invalid schedule; --json is machine-readable', () => {
    const result = evaluate(['--schedule', schedule(0, 0.099), '--profile', profile, '--json']);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(false);
    expect(report.violationCount).toBe(3);
    expect(report.violations[0].message).toBe('experiment 7, hour 0: gets 99 requests, needs 100');
    // valid on the far busier built-in profile too, but not sized to it: no hint to switch
    expect(report.warnings).toEqual([]);
  });

  it('fails with one line and exit 1 on bad input', () => {
    const missing = evaluate(['--schedule', join(dir, 'none.json'), '--profile', profile]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`error: ${join(dir, 'none.json')}: file not found`);
    const badProfile = join(dir, 'bad.csv');
    writeFileSync(badProfile, 'hour,group1\n0,-5\n');
    const negative = evaluate(['--schedule', schedule(1, 0.1), '--profile', badProfile]);
    expect(negative.status).toBe(1);
    expect(negative.stderr.trim()).toBe(`error: ${badProfile}: line 2, field group1: negative traffic -5`);
  });

  it('round trip: a schedule written by `npm run schedule` scores the same under `evaluate --data builtin`; on another profile the first line says it was made on builtin', () => {
    const out = join(dir, 'rs-run');
    const run = runTsx('harness/cli/schedule.ts', ['--algorithm', 'random-sampling', '--set', 'mid:10', '--param', 'populationSize=3', '--seed', '4', '--out', out, '--quiet']);
    expect(run.status).toBe(0);
    const recorded = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    const result = evaluate(['--schedule', join(out, 'schedule.json'), '--data', 'builtin', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report.fitness).toBe(recorded.fitness.fitness);
    expect(report.startScore).toBe(recorded.fitness.startScore);

    // the same groups and hours, other traffic: the recorded profile tells
    const other = join(dir, 'other-5-groups.csv');
    writeFileSync(other, `hour,group1,group2,group3,group4,group5\n${Array.from({ length: 8274 }, (_, h) => `${h},9,9,9,9,9`).join('\n')}\n`);
    const elsewhere = evaluate(['--schedule', join(out, 'schedule.json'), '--profile', other]);
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stdout.split('\n')[0]).toMatch(new RegExp(`^warning: ${join(out, 'schedule.json')} was made on another profile: --data builtin \\(8274 hours, groups group1, group2, group3, group4, group5, sha256 [0-9a-f]{12}…\\), ` +
      `not on ${other} \\(8274 hours, sha256 [0-9a-f]{12}…\\); evaluate it with --data builtin$`));
  });

  it('says in its first line when a schedule\'s groups or hours do not fit the profile', () => {
    // groups: the schedule uses group1, the profile has only g1 and g2 → refused
    const otherGroups = join(dir, 'other-groups.csv');
    writeFileSync(otherGroups, `hour,g1,g2\n${Array.from({ length: 10 }, (_, h) => `${h},1000,500`).join('\n')}\n`);
    const groups = evaluate(['--schedule', schedule(1, 0.1), '--profile', otherGroups]);
    expect(groups.status).toBe(1);
    expect(groups.stderr.trim()).toBe(`error: ${schedule(1, 0.1)}: does not fit ${otherGroups}: it uses group group1, which the profile does not have (groups: g1, g2); ` +
      'evaluate it on the profile it was made for (--profile FILE or --data SOURCE)');
    // hours: the schedule runs hours 8–10 of a 10-hour profile → said first, then the violation
    const late = evaluate(['--schedule', schedule(8, 0.1), '--profile', profile]);
    expect(late.status).toBe(2);
    const lines = late.stdout.split('\n');
    expect(lines[0]).toBe(`warning: ${schedule(8, 0.1)} does not fit ${profile}: it runs until hour 10, but the profile has hours 0–9; evaluate it on the profile it was made for (--profile FILE or --data SOURCE)`);
    expect(late.stdout).toContain('[insideProfile] experiment 7: runs hours 8–10, outside the profile\'s hours 0–9');
    expect(JSON.parse(evaluate(['--schedule', schedule(8, 0.1), '--profile', profile, '--json']).stdout).warnings).toEqual([lines[0].slice('warning: '.length)]);
    // fits: no warning
    expect(evaluate(['--schedule', schedule(1, 0.1), '--profile', profile]).stdout.split('\n')[0]).toMatch(/^schedule  /);
  });

  it.skipIf(!hasFenrirData)('the paper\'s schedule against the default built-in profile: the first line says to pass --data fenrir', () => {
    const paper = fenrirPath('restart/schedule_GA_mid_exp30_pop40_gen90_4.json');
    const builtin = evaluate(['--schedule', paper]);
    expect(builtin.status).toBe(2);
    expect(builtin.stdout.split('\n')[0]).toBe(`warning: ${paper} does not fit builtin profile: it is invalid there but valid on the profile of --data fenrir, probably the one it was made for — pass --data fenrir`);
    const fenrir = evaluate(['--schedule', paper, '--data', 'fenrir']);
    expect(fenrir.status).toBe(0);
    expect(fenrir.stdout.split('\n')[0]).toBe(`schedule  ${paper} (30 experiments)`);
    expect(fenrir.stdout).toContain('D 0.8768850  U 0.9960526  S 0.4700905  total 0.7380007');
  });

  warnIfFenrirMissing('evaluate CLI on the paper schedule');
  it.skipIf(!hasFenrirData)('reproduces the parity figures on the paper schedule', () => {
    const result = evaluate(['--schedule', fenrirPath('restart/schedule_GA_mid_exp30_pop40_gen90_4.json'), '--profile', fenrirPath('traffic_profiles/gitlab_12_months.csv')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid     yes');
    expect(result.stdout).toContain('D 0.8768850  U 0.9960526  S 0.4700905  total 0.7380007');
  });
});
