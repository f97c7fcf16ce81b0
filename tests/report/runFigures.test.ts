import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatExperiments } from '../../algorithms/problem/experimentFormat.js';
import { formatGroupTable } from '../../algorithms/problem/profileFormat.js';
import { syntheticExperiments, syntheticProfile } from '../algorithms/support/syntheticProblem.js';
import { REPO_ROOT } from '../support/referenceData.js';

const run = promisify(execFile);

/** A project CLI without npm; resolves with the exit status instead of throwing. */
async function cli(script: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { status: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'schedlab-run-figures-'));
const profile = join(dir, 'profile.csv');
const experiments = join(dir, 'experiments.json');
writeFileSync(profile, formatGroupTable(syntheticProfile()));
writeFileSync(experiments, formatExperiments(syntheticExperiments()));
const fresh = join(dir, 'fresh');
const restarted = join(dir, 'restarted');
const shifted = join(dir, 'shifted');
const figureNames = ['schedule-gantt', 'traffic-consumption', 'convergence'];
const spec = (out: string, name: string) => JSON.parse(readFileSync(join(out, 'figures', `${name}.vl.json`), 'utf8'));

describe('npm run figures -- <a folder of npm run schedule>', () => {
  const figures: Record<string, Awaited<ReturnType<typeof cli>>> = {};
  beforeAll(async () => {
    const ga = ['--algorithm', 'genetic', '--param', 'generations=5', '--param', 'populationSize=8', '--quiet', '--profile', profile];
    expect((await cli('harness/cli/schedule.ts', [...ga, '--experiments', experiments, '--out', fresh])).status).toBe(0);
    const restart = ['--restart-from', join(fresh, 'schedule.json'), '--at', '30'];
    const runs = await Promise.all([
      cli('harness/cli/schedule.ts', [...ga, ...restart, '--out', restarted]),
      cli('harness/cli/schedule.ts', [...ga, ...restart, '--time-frame', 'shifted', '--out', shifted]),
    ]);
    for (const result of runs) expect(result.status).toBe(0);
    const rendered = await Promise.all([fresh, restarted, shifted].map((out) => cli('harness/cli/figures.ts', [out])));
    [fresh, restarted, shifted].forEach((out, i) => { figures[out] = rendered[i]; });
  }, 180_000);

  it('draws the run\'s Gantt chart, traffic per group and convergence curve, and writes a report; exit 0', () => {
    const result = figures[fresh];
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote 14 files in [\d.]+ s \(report: .*fresh\/report\.html\)\n$/);
    for (const name of figureNames) for (const extension of ['.vl.json', '.svg', '.png']) expect(existsSync(join(fresh, 'figures', `${name}${extension}`)), `${name}${extension}`).toBe(true);
    const html = readFileSync(join(fresh, 'report.html'), 'utf8');
    expect(html).toContain('<title>Scheduling run: fresh</title>');
    expect(html).toContain('3 of 3 figures rendered');
    expect(html.match(/<figure data-figure="/g)).toHaveLength(3);
    const record = JSON.parse(readFileSync(join(fresh, 'run.json'), 'utf8'));
    expect(html).toContain(`<td>Fitness F</td><td class="num">${record.fitness.fitness.toFixed(6)}</td>`);
    expect(readFileSync(join(fresh, 'report.md'), 'utf8')).toContain('![Gantt chart of the schedule](figures/schedule-gantt.png)');

    // the figures show the run's own data: one bar per experiment-group run, every group's traffic, the whole trace
    const schedule = JSON.parse(readFileSync(join(fresh, 'schedule.json'), 'utf8'));
    expect(new Set(spec(fresh, 'schedule-gantt').data.values.map((bar: { experiment: string }) => bar.experiment)).size).toBe(schedule.scheduledExperiments.length);
    const consumption = spec(fresh, 'traffic-consumption').data.values as { panel: string; hour: number; requests: number; consumed: number }[];
    expect([...new Set(consumption.map((row) => row.panel))]).toEqual(syntheticProfile().groups);
    const csv = readFileSync(join(fresh, 'consumption.csv'), 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(',').map(Number));
    for (const [hour, , ...groups] of csv) {
      groups.forEach((consumed, g) => expect(consumption.find((row) => row.panel === `group${g + 1}` && row.hour === hour)?.consumed, `hour ${hour} group${g + 1}`).toBe(consumed));
    }
    const trace = readFileSync(join(fresh, 'trace.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(spec(fresh, 'convergence').data.values).toHaveLength(4 * trace.length);
  });

  it('a re-scheduled run is drawn in its time frame: hours of the profile from the re-scheduling hour, or counted from it', () => {
    for (const out of [restarted, shifted]) {
      expect(figures[out].stderr).toBe('');
      expect(figures[out].status).toBe(0);
    }
    const gantt = spec(restarted, 'schedule-gantt');
    expect(gantt.vconcat[0].encoding.x.title).toBe('Hour of the traffic profile (h)');
    expect(gantt.vconcat[0].encoding.x.scale.domain[0]).toBe(30);
    expect(gantt.title.subtitle).toContain('re-scheduled at hour 30');
    expect(spec(shifted, 'schedule-gantt').vconcat[0].encoding.x.title).toBe('Hour counted from the re-scheduling hour 30 (h)');
    // the same consumption, 30 hours apart
    const rows = (out: string) => spec(out, 'traffic-consumption').data.values as { panel: string; hour: number; requests: number; consumed: number }[];
    expect(rows(restarted)[0]).toMatchObject({ panel: 'group1', hour: 30 });
    expect(rows(shifted).map((row) => ({ ...row, hour: row.hour + 30 }))).toEqual(rows(restarted));
  });

  it('a profile that changed since the run fails that figure, in one line naming the file; the others render; exit 1', async () => {
    const copy = join(dir, 'changed');
    const moved = join(dir, 'moved-profile.csv');
    writeFileSync(moved, formatGroupTable(syntheticProfile(20)));
    const result = await cli('harness/cli/schedule.ts', ['--algorithm', 'local-search', '--param', 'iterations=20', '--experiments', experiments, '--profile', moved, '--out', copy, '--quiet']);
    expect(result.status).toBe(0);
    writeFileSync(moved, formatGroupTable(syntheticProfile(21)));
    const changed = await cli('harness/cli/figures.ts', [copy]);
    expect(changed.status).toBe(1);
    expect(changed.stderr.trim()).toMatch(new RegExp(`^error: figure traffic-consumption: ${join(copy, 'schedule.json')}: profile\\.sha256: the profile ${moved} has changed since the run \\(sha256 [0-9a-f]{12}…, recorded [0-9a-f]{12}…\\)$`));
    expect(existsSync(join(copy, 'figures', 'schedule-gantt.svg'))).toBe(true);
    expect(existsSync(join(copy, 'figures', 'traffic-consumption.svg'))).toBe(false);
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toContain('2 of 3 figures rendered');
    // --profile gives the figure the profile to use
    writeFileSync(join(dir, 'right.csv'), formatGroupTable(syntheticProfile(20)));
    const given = await cli('harness/cli/figures.ts', [copy, '--profile', join(dir, 'right.csv')]);
    expect(given.stderr).toBe('');
    expect(given.status).toBe(0);
  });
});
