import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatExperiments } from '../../algorithms/problem/experimentFormat.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { formatGroupTable } from '../../algorithms/problem/profileFormat.js';
import { flatProfile } from '../support/tinyProblem.js';
import { individualFromScheduleFile, parseScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { profileSha256 } from '../../algorithms/problem/profileRecord.js';
import { builtinDataSource } from '../../datasets/builtinDataSource.js';
import { loadStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { planTrials } from '../../harness/plan/planTrials.js';
import { REPO_ROOT } from '../support/referenceData.js';
import { syntheticExperiments, syntheticProfile } from '../algorithms/support/syntheticProblem.js';

const run = promisify(execFile);

/** `npm run schedule -- …` without npm; resolves with the exit status instead of throwing. */
async function schedule(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'harness/cli/schedule.ts'), ...args], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { status: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'schedlab-schedule-'));
const profile = join(dir, 'profile.csv');
const experiments = join(dir, 'experiments.json');
writeFileSync(profile, formatGroupTable(syntheticProfile()));
writeFileSync(experiments, formatExperiments(syntheticExperiments()));
const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8');
const fromFiles = ['--experiments', experiments, '--profile', profile];

describe('npm run schedule (end to end)', () => {
  it('writes schedule, trace, consumption, Gantt and run record; the same seed reproduces them byte for byte', async () => {
    const outs = ['a', 'b', 'c'].map((name) => join(dir, name));
    const [first, again, other] = await Promise.all([
      schedule(['--algorithm', 'genetic', ...fromFiles, '--seed', '1', '--out', outs[0], '--param', 'generations=4', '--param', 'populationSize=8']),
      schedule(['--algorithm', 'genetic', ...fromFiles, '--seed', '1', '--out', outs[1], '--param', 'generations=4', '--param', 'populationSize=8']),
      schedule(['--algorithm', 'genetic', ...fromFiles, '--seed', '2', '--out', outs[2], '--param', 'generations=4', '--param', 'populationSize=8']),
    ]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const [inputsLine, resultLine, ...rest] = first.stdout.trimEnd().split('\n');
    expect(inputsLine).toBe(`6 experiments of ${experiments} on ${profile} (960 hours, 5 groups)`);
    expect(resultLine).toMatch(/^genetic seed 1: F 0\.\d{6} \(D .*\), valid yes, .* s → /);
    expect(rest).toEqual([]);
    for (const file of ['schedule.json', 'trace.csv', 'consumption.csv', 'gantt.txt']) expect(read(outs[1], file), file).toBe(read(outs[0], file));
    expect(read(outs[2], 'schedule.json')).not.toBe(read(outs[0], 'schedule.json'));

    // schedule.json is the replication package format (plus the profile it was made on) and evaluates to the reported result
    const file = parseScheduleFile(read(outs[0], 'schedule.json'), 'schedule.json');
    expect(file.profile).toEqual({ file: profile, hours: 960, groups: ['group1', 'group2', 'group3', 'group4', 'group5'], sha256: profileSha256(syntheticProfile()) });
    expect(file.rescheduling).toBeUndefined();
    const problem = createProblem(syntheticProfile(), file.entries.map((entry) => entry.experiment));
    const individual = individualFromScheduleFile(problem, file, 'schedule.json');
    const record = JSON.parse(read(outs[0], 'run.json'));
    expect(individual.valid).toBe(true);
    expect(individual.fitness).toBe(record.fitness.fitness);
    expect(record).toMatchObject({
      algorithm: 'genetic',
      params: { populationSize: 8, generations: 4, crossoverProbability: 0.9, elitism: 5 },
      seed: 1,
      valid: true,
      steps: 4,
      inputs: { experiments, profile, experimentCount: 6, profileHours: 960 },
      schedlab: JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version,
      git: { commit: expect.stringMatching(/^[0-9a-f]{40}$/), dirty: expect.any(Boolean) },
      node: process.version,
    });
    expect(record).not.toHaveProperty('timeFrame');
    expect(record.timings.runMs).toBeGreaterThan(0);

    const trace = read(outs[0], 'trace.csv').trimEnd().split('\n');
    expect(trace[0]).toBe('step,fitness,duration_score,user_group_score,start_score,evaluations');
    expect(trace).toHaveLength(6);
    const consumption = read(outs[0], 'consumption.csv').trimEnd().split('\n');
    expect(consumption[0]).toBe('hour,totalConsumption,group1,group2,group3,group4,group5');
    const [, total, ...groups] = consumption[1].split(',').map(Number);
    expect(total).toBe(groups.reduce((a, b) => a + b, 0));
    const gantt = read(outs[0], 'gantt.txt');
    expect(gantt).toContain('genetic, seed 1: 6 experiments');
    expect(gantt.trimEnd().split('\n')).toHaveLength(4 + 1 + 6);
  });

  it('--set mid:30 is the studies\' 30-experiment set and says which set seed it used; --set-seed picks another', async () => {
    const { config } = loadStudyConfig(resolve(REPO_ROOT, 'configs/paper.json'));
    const trial = planTrials(config).find((candidate) => candidate.study === 'scaling' && candidate.ress === 'mid' && candidate.experiments === 30)!;
    const [studies, other] = await Promise.all([
      schedule(['--algorithm', 'one-plus-one', '--set', 'mid:30', '--data', 'builtin', '--param', 'iterations=50', '--out', join(dir, 'set'), '--quiet']),
      schedule(['--algorithm', 'one-plus-one', '--set', 'mid:30', '--set-seed', '7', '--param', 'iterations=50', '--out', join(dir, 'set7'), '--quiet']),
    ]);
    expect(studies.stderr).toBe('');
    expect(studies.status).toBe(0);
    expect(studies.stdout.split('\n')[0]).toBe(`set mid:30 of builtin, set seed ${trial.experimentSetSeed} (the studies' set: baseSeed ${config.baseSeed} of configs/paper.json): ` +
      '30 experiments on builtin profile (8274 hours, 5 groups)');
    expect(JSON.parse(read(join(dir, 'set'), 'run.json')).inputs).toMatchObject({ data: 'builtin', set: 'mid:30', setSeed: trial.experimentSetSeed, experimentCount: 30 });
    // the very experiments a study trial runs on (runTrial: data.experimentSet(size, ress, trial.experimentSetSeed))
    const embedded = (out: string) => parseScheduleFile(read(out, 'schedule.json'), out).entries.map((entry) => entry.experiment).sort((a, b) => a.id - b.id);
    expect(embedded(join(dir, 'set'))).toEqual(builtinDataSource().experimentSet(30, 'mid', trial.experimentSetSeed));
    expect(other.stdout.split('\n')[0]).toContain('set seed 7 (--set-seed)');
    expect(embedded(join(dir, 'set7'))).toEqual(builtinDataSource().experimentSet(30, 'mid', 7));
    expect(embedded(join(dir, 'set7'))).not.toEqual(embedded(join(dir, 'set')));
  });

  it('--json prints the run record (run.json and the output folder) as the only stdout', async () => {
    const out = join(dir, 'json');
    const result = await schedule(['--algorithm', 'local-search', ...fromFiles, '--param', 'iterations=30', '--out', out, '--json', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual({ out, ...JSON.parse(read(out, 'run.json')) });
    expect(printed).toMatchObject({ algorithm: 'local-search', seed: 1, valid: true, steps: 30 });
  });

  it('--help lists every algorithm with its parameters and defaults', async () => {
    const result = await schedule(['--help']);
    expect(result.status).toBe(0);
    for (const name of ['random-sampling', 'genetic', 'local-search', 'simulated-annealing', 'sa-as-published', 'one-plus-one']) expect(result.stdout).toContain(`  ${name}\n`);
    expect(result.stdout).toContain('populationSize=40 generations=90 crossoverProbability=0.9 mutationProbability=0.5');
    expect(result.stdout).toContain('initialTemperature=0.007 coolingRate=0.99');
  });

  it('a benchmark set with --max-evaluations and --budget-only stops at the budget, whatever the algorithm\'s own steps', async () => {
    const out = join(dir, 'budget');
    const result = await schedule(['--algorithm', 'local-search', '--set', 'bench/load/x4:10', '--max-evaluations', '400', '--budget-only', '--param', 'iterations=5', '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const record = JSON.parse(read(out, 'run.json'));
    expect(record.budget).toEqual({ evaluations: 400, ownSteps: false });
    expect(record.inputs).toMatchObject({ set: 'bench/load/x4:10', profile: 'bench/load/x4 (generated from builtin)' });
    expect(record.inputs.hardness.peakLoad).toBeCloseTo(0.88, 2); // the paper's medium baseline × 4 (datasets/README.md)
    expect(record.stoppedBy).toBe('evaluations');
    expect(record.counters.evaluations).toBeGreaterThanOrEqual(400);
    expect(record.counters.evaluations).toBeLessThanOrEqual(404);
    const trace = read(out, 'trace.csv').trimEnd().split('\n');
    expect(Number(trace.at(-1)!.split(',').at(-1))).toBe(record.counters.evaluations);
  });

  it('bad input → one clear line, exit 1', async () => {
    const out = join(dir, 'bad');
    const infeasible = join(dir, 'infeasible.json');
    // more than the whole profile sends (~9.6 M requests): no duration makes it fit
    writeFileSync(infeasible, JSON.stringify([{ baseType: 'Experiment', id: 42, type: 'REGRESSION', targetService: 's', minDuration: 24, requiredTotalTraffic: 24 * 10_000_000, priority: 1 }]));
    const cases: [string[], RegExp][] = [
      [['--algorithm', 'genetic', ...fromFiles, '--out', out, '--param', 'generation=3'],
        /^error: --param: generation: unknown parameter of genetic \(known: populationSize, generations, /],
      [['--algorithm', 'local-search', ...fromFiles, '--out', out, '--param', 'iterations=lots'],
        /^error: --param: iterations: Invalid input: expected number, received string/],
      [['--algorithm', 'genetic', ...fromFiles, '--out', out, '--param', 'elitism=50'],
        /^error: --param: elitism: elitism must be smaller than populationSize/],
      [['--algorithm', 'genetic', '--experiments', join(dir, 'missing.json'), '--profile', profile, '--out', out],
        /^error: .*missing\.json: file not found$/],
      [['--algorithm', 'genetic', '--experiments', infeasible, '--profile', profile, '--out', out],
        /^error: experiment 42 cannot be placed: it needs 10000000 requests\/hour/],
      [['--algorithm', 'genetic', '--set', 'mid:10', ...fromFiles, '--out', out],
        /^error: arguments: give exactly one of --set, --experiments, --restart-from \(got --set, --experiments\)$/],
      [['--algorithm', 'genetic', '--set', 'medium:10', '--out', out], /^error: --set: unknown set "medium": expected low, mid or high/],
      [['--algorithm', 'genetic', ...fromFiles, '--budget-only', '--out', out], /^error: --budget-only: needs --max-evaluations or --max-seconds/],
      [['--algorithm', 'genetic', ...fromFiles, '--max-evaluations', '0', '--out', out], /^error: --max-evaluations: expected a number > 0, got 0$/],
      [['--algorithm', 'genetic', ...fromFiles, '--set-seed', '3', '--out', out], /^error: --set-seed: only applies with --set$/],
      [['--algorithm', 'genetic', '--set', 'mid:10', '--set-seed', '1.5', '--out', out], /^error: --set-seed: expected a whole number, got 1\.5$/],
      [['--algorithm', 'genetic', ...fromFiles, '--time-frame', 'local', '--out', out], /^error: arguments: Invalid values: Argument: time-frame, Given: "local", Choices: "original", "shifted"$/],
      [['--algorithm', 'genetic', ...fromFiles, '--time-frame', 'shifted', '--out', out], /^error: arguments: --at, --discard, --add and --time-frame only apply with --restart-from$/],
      [['--algorithm', 'tabu', ...fromFiles, '--out', out], /^error: arguments: Invalid values: Argument: algorithm, Given: "tabu", Choices: "random-sampling"/],
    ];
    const results = await Promise.all(cases.map(([args]) => schedule(args)));
    results.forEach((result, i) => {
      expect(result.status, cases[i][0].join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(cases[i][1]);
    });
    expect(existsSync(out)).toBe(false); // nothing written on failure
  });
});

describe('npm run schedule --sampler', () => {
  // the case: one experiment of 1 000 000 requests over ≥ 96 h on a 3-group, 2-week profile of
  // 4000 requests per group and hour — more than the published sampler's 1–2 groups ever carry
  const shortProfile = join(dir, 'two-weeks.csv');
  const heavy = join(dir, 'heavy.json');
  writeFileSync(shortProfile, formatGroupTable(flatProfile(24 * 14, [4000, 4000, 4000])));
  writeFileSync(heavy, JSON.stringify([{ baseType: 'Experiment', id: 4, type: 'REGRESSION', targetService: 's', minDuration: 96, requiredTotalTraffic: 1_000_000, priority: 1 }]));
  const args = (out: string) => ['--algorithm', 'genetic', '--experiments', heavy, '--profile', shortProfile, '--param', 'generations=2', '--param', 'populationSize=6', '--out', out, '--quiet'];

  it('robust (the default) schedules it and records the sampler in run.json; as-published refuses it in one line', async () => {
    const out = join(dir, 'robust');
    const robust = await schedule(args(out));
    expect(robust.stderr).toBe('');
    expect(robust.status).toBe(0);
    expect(robust.stdout).toMatch(/genetic seed 1: F 0\.\d{6} .*valid yes/);
    expect(JSON.parse(read(out, 'run.json')).sampler).toBe('robust');
    const published = await schedule([...args(join(dir, 'published')), '--sampler', 'as-published']);
    expect(published.status).toBe(1);
    expect(published.stderr.trim()).toMatch(/^error: experiment 4 cannot be placed: /);
    expect(published.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown sampler is refused with the choices', async () => {
    const result = await schedule([...args(join(dir, 'unknown')), '--sampler', 'clever']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Choices: "as-published", "robust"/);
  });
});
