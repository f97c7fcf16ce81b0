import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulationStudy, type ResumeState } from '../../harness/simulation/runSimulationStudy.js';
import { loadSimulationConfig } from '../../harness/simulation/simulationConfig.js';
import { parseRun, readSimulationJournal, serializeRun, type JournalledRun } from '../../harness/simulation/simulationJournal.js';
import { planSimulationRuns } from '../../harness/simulation/simulationPlan.js';
import { runTsx } from '../support/runCommand.js';
import { writeTinySimulationConfig } from '../support/tinySimulation.js';

const DERIVED = ['simulations.csv', 'experiments.csv', 'events.csv', 'summary.csv', 'replanning-gain.csv', 'best-algorithm.csv', 'report.md'];

/** 2 planners × plan once / every 24 h × 2 repetitions; `latencyMs` changes the scenario (and so every fingerprint). */
const tinyConfig = (dir: string, latencyMs = 100): string =>
  writeTinySimulationConfig(dir, { baseSeed: 11, repetitions: 2, scenario: { canary: { failureHazard: 0.01, latencyMs } } });

const record = (overrides: Partial<JournalledRun['result']['outcome']> = {}): JournalledRun => ({
  run: 'a/r1',
  fingerprint: '0123456789abcdef',
  result: {
    outcome: { weightedTimeToDecision: 12.5, meanDetectionHours: Number.NaN, ...overrides } as JournalledRun['result']['outcome'],
    simulation: { run_id: 'a/r1', mean_detection_h: Number.NaN, replan_every_hours: undefined, replan_on_events: false },
    experiments: [],
    events: [{ run_id: 'a/r1', hour: 0, event: 'replan', detail: 'x "quoted", ünïcode' }],
    plannerMs: 1.5,
    runMs: 2,
  },
});

describe('the journal of finished simulated runs', () => {
  it('a record survives its line: NaN stays NaN, a missing value stays missing; any changed byte makes the line damaged', () => {
    const line = serializeRun(record());
    expect(line).not.toContain('\n');
    const back = parseRun(line)!;
    expect(back.result.outcome.meanDetectionHours).toBeNaN();
    expect(back.result.simulation.mean_detection_h).toBeNaN();
    expect('replan_every_hours' in back.result.simulation).toBe(false);
    expect(back.result.events[0].detail).toBe('x "quoted", ünïcode');
    expect(back.result.outcome.weightedTimeToDecision).toBe(12.5);
    expect(parseRun(line.replace('12.5', '12.6'))).toBeUndefined();
    expect(parseRun(line.slice(0, -3))).toBeUndefined();
    expect(parseRun('not json')).toBeUndefined();
  });

  it('reading cuts a torn last line off and counts damaged ones', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'schedlab-journal-')), 'runs.jsonl');
    const good = serializeRun(record());
    writeFileSync(path, `${good}\n${good.replace('12.5', '99')}\n${serializeRun({ ...record(), run: 'b/r1' })}\n{"run":"c/r1","fing`);
    const journal = readSimulationJournal(path);
    expect([...journal.byRun.keys()]).toEqual(['a/r1', 'b/r1']);
    expect(journal.damaged).toBe(1);
    expect(journal.tornBytes).toBe('{"run":"c/r1","fing'.length);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    expect(readSimulationJournal(path).tornBytes).toBe(0);
  });

  it('a study stopped part-way goes on from its journal and writes the files of an uninterrupted study', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-resume-'));
    const loaded = loadSimulationConfig(tinyConfig(dir));
    const runs = planSimulationRuns(loaded.config);
    const whole = join(dir, 'whole');
    await runSimulationStudy(loaded, { out: whole, figures: false });
    // the same study, "killed" after 3 runs, in the middle of writing the 4th line
    const cut = join(dir, 'cut');
    await runSimulationStudy(loaded, { out: cut, figures: false });
    const lines = readFileSync(join(cut, 'runs.jsonl'), 'utf8').split('\n');
    writeFileSync(join(cut, 'runs.jsonl'), `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 40)}`);
    const resumes: ResumeState[] = [];
    const ran: string[] = [];
    await runSimulationStudy(loaded, { out: cut, workers: 2, figures: false, onResume: (state) => resumes.push(state), onRun: (_done, _total, run) => ran.push(run.id) });
    expect(resumes).toEqual([{ journal: join(cut, 'runs.jsonl'), reused: 3, total: runs.length, stale: 0, foreign: 0, damaged: 0, tornBytes: 40 }]);
    expect(ran.sort()).toEqual(runs.slice(3).map((run) => run.id).sort());
    for (const file of DERIVED) expect(readFileSync(join(cut, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
    // everything journalled: nothing runs again; --fresh runs everything
    const again: string[] = [];
    await runSimulationStudy(loaded, { out: cut, figures: false, onRun: (_done, _total, run) => again.push(run.id) });
    expect(again).toEqual([]);
    await runSimulationStudy(loaded, { out: cut, figures: false, fresh: true, onRun: (_done, _total, run) => again.push(run.id) });
    expect(again).toEqual(runs.map((run) => run.id));
    for (const file of DERIVED) expect(readFileSync(join(cut, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
  });

  it('runs made with another scenario (a canary setting) are not reused; runs of another plan stay in the journal unused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-stale-'));
    const out = join(dir, 'out');
    await runSimulationStudy(loadSimulationConfig(tinyConfig(dir, 100)), { out, figures: false });
    appendFileSync(join(out, 'runs.jsonl'), `${serializeRun({ ...record(), run: 'gone/r9' })}\n`);
    const resumes: ResumeState[] = [];
    const changed = loadSimulationConfig(tinyConfig(dir, 120));
    await runSimulationStudy(changed, { out, figures: false, onResume: (state) => resumes.push(state) });
    expect(resumes[0]).toMatchObject({ reused: 0, stale: 8, foreign: 1, total: 8 });
    const fresh = join(dir, 'fresh');
    await runSimulationStudy(changed, { out: fresh, figures: false });
    expect(readFileSync(join(out, 'simulations.csv'), 'utf8')).toBe(readFileSync(join(fresh, 'simulations.csv'), 'utf8'));
  });

  it('npm run simulate says what it takes over from the journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-resume-cli-'));
    const config = tinyConfig(dir);
    const out = join(dir, 'out');
    expect(runTsx('harness/cli/simulate.ts', ['--config', config, '--out', out, '--no-figures']).status).toBe(0);
    const second = runTsx('harness/cli/simulate.ts', ['--config', config, '--out', out, '--no-figures']);
    expect(second.status).toBe(0);
    expect(second.stderr).toContain(`journal ${join(out, 'runs.jsonl')}: 8 of 8 runs done already (writing the outputs again)\n`);
  });
});
