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

  it('round trip: a schedule written by `npm run schedule` scores the same under `evaluate --data builtin`', () => {
    const out = join(dir, 'rs-run');
    const run = runTsx('harness/cli/schedule.ts', ['--algorithm', 'random-sampling', '--set', 'mid:10', '--param', 'populationSize=3', '--seed', '4', '--out', out, '--quiet']);
    expect(run.status).toBe(0);
    const recorded = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    const result = evaluate(['--schedule', join(out, 'schedule.json'), '--data', 'builtin', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(true);
    expect(report.fitness).toBe(recorded.fitness.fitness);
    expect(report.startScore).toBe(recorded.fitness.startScore);
  });

  warnIfFenrirMissing('evaluate CLI on the paper schedule');
  it.skipIf(!hasFenrirData)('reproduces the parity figures on the paper schedule', () => {
    const result = evaluate(['--schedule', fenrirPath('restart/schedule_GA_mid_exp30_pop40_gen90_4.json'), '--profile', fenrirPath('traffic_profiles/gitlab_12_months.csv')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid     yes');
    expect(result.stdout).toContain('D 0.8768850  U 0.9960526  S 0.4700905  total 0.7380007');
  });
});
