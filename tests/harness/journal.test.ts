import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { completedTrials } from '../../harness/journal/completedTrials.js';
import { appendRecord, readJournal } from '../../harness/journal/journal.js';
import { planTrials } from '../../harness/plan/planTrials.js';
import { trialFingerprint } from '../../harness/run/trialFingerprint.js';
import type { TrialRecord } from '../../harness/run/trialOutcome.js';
import type { Trial } from '../../harness/plan/trial.js';

const plan = planTrials(parseStudyConfig(JSON.stringify({
  baseSeed: 3,
  studies: [{ name: 'scaling', sizes: [10], ress: ['mid'], repetitions: 2, algorithms: [{ name: 'random-sampling' }, { name: 'genetic' }] }],
}), 'configs/test.json').config);

const recordOf = (trial: Trial, options: { error?: string; data?: string } = {}): TrialRecord => ({
  trial,
  fingerprint: trialFingerprint(trial, options.data ?? 'builtin'),
  data: options.data ?? 'builtin',
  ...(options.error ? { error: options.error } : {
    measurements: { fitness: 0.5, durationScore: 0.5, userGroupScore: 0.5, startScore: 0.5, valid: true, evaluations: 1, crossovers: 0, mutations: 0, invalidCandidates: 0 },
  }),
  runtimeMs: 1,
  trace: [[0, 0.5, 0.5, 0.5, 0.5]],
  finishedAt: '2024-01-01T00:00:00.000Z',
});
const journalPath = () => join(mkdtempSync(join(tmpdir(), 'schedlab-journal-')), 'journal.jsonl');

describe('journal', () => {
  it('appends one line per record and reads them back', () => {
    const path = journalPath();
    expect(readJournal(path).records).toEqual([]);
    appendRecord(path, recordOf(plan[0]));
    appendRecord(path, recordOf(plan[1]));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(readJournal(path).records.map((record) => record.trial.id)).toEqual([plan[0].id, plan[1].id]);
  });

  it('cuts off a torn last line (crash mid-write) so the next append starts clean', () => {
    const path = journalPath();
    appendRecord(path, recordOf(plan[0]));
    const torn = JSON.stringify(recordOf(plan[1])).slice(0, 57);
    appendFileSync(path, torn);
    const contents = readJournal(path);
    expect(contents.records).toHaveLength(1);
    expect(contents.repairedBytes).toBe(torn.length);
    appendRecord(path, recordOf(plan[2]));
    const after = readJournal(path);
    expect(after.records.map((record) => record.trial.id)).toEqual([plan[0].id, plan[2].id]);
    expect(after.repairedBytes).toBe(0);
  });

  it('leaves the file alone when asked not to repair', () => {
    const path = journalPath();
    appendRecord(path, recordOf(plan[0]));
    appendFileSync(path, '{"trial":');
    const before = readFileSync(path, 'utf8');
    expect(readJournal(path, { repair: false }).repairedBytes).toBe(9);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('skips complete lines that are not records', () => {
    const path = journalPath();
    writeFileSync(path, 'not json\n{"x":1}\n');
    appendRecord(path, recordOf(plan[0]));
    expect(readJournal(path)).toMatchObject({ skippedLines: 2, repairedBytes: 0 });
  });
});

describe('completed trials', () => {
  it('counts a trial done when id and fingerprint match', () => {
    const done = completedTrials(plan, [recordOf(plan[0]), recordOf(plan[1], { data: 'fenrir:/elsewhere' })], 'builtin');
    expect([...done.byId.keys()]).toEqual([plan[0].id]);
    expect(done.stale).toBe(1);
  });

  it('counts failed trials as done unless retrying them', () => {
    const records = [recordOf(plan[0], { error: 'boom' }), recordOf(plan[1])];
    expect(completedTrials(plan, records, 'builtin').byId.size).toBe(2);
    expect([...completedTrials(plan, records, 'builtin', { retryFailed: true }).byId.keys()]).toEqual([plan[1].id]);
  });

  it('takes the latest record of a retried trial', () => {
    const done = completedTrials(plan, [recordOf(plan[0], { error: 'boom' }), recordOf(plan[0])], 'builtin');
    expect(done.byId.get(plan[0].id)!.error).toBeUndefined();
  });
});
