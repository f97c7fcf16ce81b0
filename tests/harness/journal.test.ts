import fc from 'fast-check';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { currentCodeVersion, NOT_PART_OF_A_TRIAL, sourcesHash } from '../../harness/journal/codeVersion.js';
import { checkVersions, countVersions } from '../../harness/journal/codeVersions.js';
import { completedTrials } from '../../harness/journal/completedTrials.js';
import { appendRecord, describeCorruption, quarantineCorruptLines, readJournal, serializeRecord } from '../../harness/journal/journal.js';
import { planTrials } from '../../harness/plan/planTrials.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';
import { trialFingerprint } from '../../harness/run/trialFingerprint.js';
import type { TrialRecord } from '../../harness/run/trialOutcome.js';
import type { Trial } from '../../harness/plan/trial.js';

const plan = planTrials(parseStudyConfig(JSON.stringify({
  baseSeed: 3,
  studies: [{ name: 'scaling', sizes: [10], ress: ['mid'], repetitions: 2, algorithms: [{ name: 'random-sampling' }, { name: 'genetic' }] }],
}), 'configs/test.json').config);

const version = { sources: '0123456789abcdef', commit: 'a'.repeat(40), dirty: false, schedlab: '0.1.0' };
const otherVersion = { ...version, sources: 'fedcba9876543210', commit: 'b'.repeat(40) };

const recordOf = (trial: Trial, options: { error?: string; data?: string; fitness?: number; codeVersion?: typeof version | null } = {}): TrialRecord => ({
  trial,
  fingerprint: trialFingerprint(trial, options.data ?? 'builtin'),
  data: options.data ?? 'builtin',
  ...(options.error ? { error: options.error } : {
    measurements: { fitness: options.fitness ?? 0.5, durationScore: 0.5, userGroupScore: 0.5, startScore: 0.5, valid: true, evaluations: 1, crossovers: 0, mutations: 0, invalidCandidates: 0 },
  }),
  runtimeMs: 1,
  trace: [[0, 0.5, 0.5, 0.5, 0.5]],
  finishedAt: '2024-01-01T00:00:00.000Z',
  ...(options.codeVersion === null ? {} : { codeVersion: options.codeVersion ?? version }),
});
const journalPath = () => join(mkdtempSync(join(tmpdir(), 'schedlab-journal-')), 'journal.jsonl');
/** A record as journals before checksums and code versions wrote it: plain JSON. */
const legacyLine = (record: TrialRecord) => `${JSON.stringify(record)}\n`;

describe('journal', () => {
  it('appends one line per record and reads them back, each with its line number', () => {
    const path = journalPath();
    expect(readJournal(path).records).toEqual([]);
    appendRecord(path, recordOf(plan[0]));
    appendRecord(path, recordOf(plan[1]));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    const contents = readJournal(path);
    expect(contents.records).toEqual([recordOf(plan[0]), recordOf(plan[1])]);
    expect(contents.entries.map((entry) => entry.line)).toEqual([1, 2]);
    expect(contents.corrupt).toEqual([]);
    expect(contents.state).toMatchObject({ records: 2, bytes: readFileSync(path).length });
  });

  it('ends every line with a sha256 of the rest of the line', () => {
    const line = serializeRecord(recordOf(plan[0]));
    expect(line).toMatch(/,"checksum":"[0-9a-f]{64}"\}$/);
    expect(JSON.parse(line)).toMatchObject({ trial: { id: plan[0].id }, checksum: expect.any(String) });
  });

  it('cuts off a torn last line (crash mid-write) so the next append starts clean', () => {
    const path = journalPath();
    appendRecord(path, recordOf(plan[0]));
    const torn = serializeRecord(recordOf(plan[1])).slice(0, 57);
    appendFileSync(path, torn);
    const contents = readJournal(path);
    expect(contents.records).toHaveLength(1);
    expect(contents.repairedBytes).toBe(torn.length);
    expect(contents.tornLine).toBe(2);
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

  it('names every complete line that is not a valid record, with its line number and why', () => {
    const path = journalPath();
    const minimal = { trial: { id: plan[1].id }, fingerprint: trialFingerprint(plan[1], 'builtin') };
    const wrongFingerprint = { ...recordOf(plan[2], { codeVersion: null }), fingerprint: '0000000000000000' };
    writeFileSync(path, `not json\n${JSON.stringify(minimal)}\n${JSON.stringify(wrongFingerprint)}\n\n`);
    appendRecord(path, recordOf(plan[0]));
    const contents = readJournal(path);
    expect(contents.records.map((record) => record.trial.id)).toEqual([plan[0].id]);
    expect(contents.corrupt.map((entry) => entry.line)).toEqual([1, 2, 3, 4]);
    expect(contents.corrupt[0].problem).toMatch(/^not valid JSON/);
    expect(contents.corrupt[1].problem).toMatch(/^trial\.index: /); // the first missing field, not a TypeError later
    expect(contents.corrupt[2].problem).toMatch(/^fingerprint 0000000000000000 does not match its trial and data/);
    expect(contents.corrupt[3].problem).toMatch(/^empty line/);
    expect(describeCorruption(contents)).toBe(`${path}: line 1: ${contents.corrupt[0].problem}; 4 corrupt line(s) in the middle of the journal (lines 1, 2, 3, 4), 1 valid record(s)`);
  });

  it('rejects invalid UTF-8 and a tampered value even in a record that still parses', () => {
    const path = journalPath();
    appendRecord(path, recordOf(plan[0]));
    appendRecord(path, recordOf(plan[1]));
    const lines = readFileSync(path, 'utf8').split('\n');
    const tampered = lines[1].replace('"fitness":0.5', '"fitness":0.9');
    expect(tampered).not.toBe(lines[1]);
    const bytes = Buffer.from(`${lines[0]}\n${tampered}\n`);
    const at = bytes.indexOf('random-sampling');
    bytes[at] = 0xff; // an invalid UTF-8 byte inside the algorithm name of line 1
    writeFileSync(path, bytes);
    expect(readJournal(path).corrupt).toEqual([
      { line: 1, problem: 'not valid UTF-8 (the line was damaged)' },
      { line: 2, problem: 'checksum mismatch (the line was changed after it was written)' },
    ]);
  });

  it('reads records of the format before checksums, fingerprint-checked and counted as unversioned', () => {
    const path = journalPath();
    writeFileSync(path, legacyLine(recordOf(plan[0], { codeVersion: null })));
    appendRecord(path, recordOf(plan[1]));
    const contents = readJournal(path);
    expect(contents.records.map((record) => record.trial.id)).toEqual([plan[0].id, plan[1].id]);
    expect(contents.unversioned).toBe(1);
    // but a versioned record whose checksum was damaged is not taken for an old one
    writeFileSync(path, serializeRecord(recordOf(plan[0])).replace('"checksum"', '"checksun"') + '\n');
    expect(readJournal(path).corrupt[0].problem).toMatch(/checksum is missing or malformed/);
  });

  it('flipping any byte of any line is detected, named by its line and never yields a record', () => {
    const records = plan.slice(0, 4).map((trial, i) => recordOf(trial, { fitness: 0.1 * (i + 1) }));
    const original = Buffer.from(records.map((record) => `${serializeRecord(record)}\n`).join(''));
    const lineStarts = [0, ...[...original.entries()].filter(([, byte]) => byte === 0x0a).map(([i]) => i + 1)].slice(0, records.length);
    const path = journalPath();
    fc.assert(fc.property(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 }), (position, xor) => {
      const damaged = Buffer.from(original);
      damaged[position] ^= xor;
      writeFileSync(path, damaged);
      const contents = readJournal(path, { repair: false });
      const line = lineStarts.filter((start) => start <= position).length; // 1-based line of the flipped byte
      const problems = [...contents.corrupt.map((entry) => entry.line), ...(contents.tornLine ? [contents.tornLine] : [])];
      expect(Math.min(...problems)).toBe(line);
      // every record read is one of the originals, and the damaged one is not among them
      for (const record of contents.records) expect(records).toContainEqual(record);
      expect(contents.records).not.toContainEqual(records[line - 1]);
      expect(contents.records.length).toBeGreaterThanOrEqual(records.length - 2); // a flipped newline joins two lines
    }), { numRuns: 200 });
  });

  it('moves corrupt lines aside on request and keeps the rest byte for byte', () => {
    const path = journalPath();
    appendRecord(path, recordOf(plan[0]));
    appendFileSync(path, 'garbage\n');
    appendRecord(path, recordOf(plan[1]));
    const lines = readFileSync(path, 'utf8').split('\n');
    const quarantine = quarantineCorruptLines(readJournal(path));
    expect(readFileSync(quarantine, 'utf8')).toBe('garbage\n');
    expect(readFileSync(path, 'utf8')).toBe(`${lines[0]}\n${lines[2]}\n`);
    expect(readJournal(path).corrupt).toEqual([]);
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

  it('takes the retry of a failed trial', () => {
    const done = completedTrials(plan, [recordOf(plan[0], { error: 'boom' }), recordOf(plan[0])], 'builtin');
    expect(done.byId.get(plan[0].id)!.error).toBeUndefined();
  });

  it('ignores an exact repetition of a result but refuses two different results, naming both lines', () => {
    expect(completedTrials(plan, [recordOf(plan[0]), { ...recordOf(plan[0]), runtimeMs: 7 }], 'builtin').duplicates).toBe(1);
    expect(() => completedTrials(plan, [recordOf(plan[0]), recordOf(plan[1]), recordOf(plan[0], { fitness: 0.7 })], 'builtin', { source: 'x/journal.jsonl' }))
      .toThrow(`x/journal.jsonl: lines 1 and 3: two different results of trial ${plan[0].id} (fitness 0.5 vs fitness 0.7): the folder had two writers`);
    expect(() => completedTrials(plan, [recordOf(plan[0]), recordOf(plan[0], { error: 'late failure' })], 'builtin')).toThrow(/two different results/);
  });
});

describe('code versions', () => {
  it('hash the trial code: the same tree gives the same hash, and this checkout is stamped with it', () => {
    expect(sourcesHash(PROJECT_ROOT)).toMatch(/^[0-9a-f]{16}$/);
    expect(sourcesHash(PROJECT_ROOT)).toBe(currentCodeVersion().sources);
  });

  it('change with an algorithm or the trial runner, not with the progress display or the cost estimate', () => {
    const root = mkdtempSync(join(tmpdir(), 'schedlab-sources-'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    write('algorithms/genetic.ts', 'export const a = 1;\n');
    write('harness/run/runTrial.ts', 'export const r = 1;\n');
    for (const file of NOT_PART_OF_A_TRIAL) write(file, 'export const p = 1;\n');
    const before = sourcesHash(root);
    for (const file of NOT_PART_OF_A_TRIAL) write(file, 'export const p = 2;\n');
    write('harness/run/README.md', 'docs\n');
    expect(sourcesHash(root)).toBe(before);
    write('harness/run/runTrial.ts', 'export const r = 2;\n');
    const runnerChanged = sourcesHash(root);
    expect(runnerChanged).not.toBe(before);
    write('algorithms/genetic.ts', 'export const a = 2;\n');
    expect(sourcesHash(root)).not.toBe(runnerChanged);
  });

  it('refuse records of other code in one line unless mixed versions are allowed', () => {
    const records = [recordOf(plan[0]), recordOf(plan[1], { codeVersion: otherVersion }), recordOf(plan[2], { codeVersion: null })];
    expect(() => checkVersions(records.slice(0, 1), version, { source: 'j', expectedIs: 'this checkout' })).not.toThrow();
    expect(() => checkVersions(records, version, { source: 'j', expectedIs: 'this checkout' }))
      .toThrow(/^j: 2 of 3 record\(s\) were made by other code than this checkout — code fedcba9876543210 \(commit bbbbbbbbbb\) vs code 0123456789abcdef \(commit aaaaaaaaaa\) \(and more versions\); .*--allow-mixed-versions/);
    expect(() => checkVersions(records, version, { source: 'j', expectedIs: 'this checkout', allowMixed: true })).not.toThrow();
    expect(countVersions(records)).toEqual([
      { version: '0123456789abcdef', commit: 'a'.repeat(40), dirty: false, schedlab: '0.1.0', records: 1 },
      { version: 'fedcba9876543210', commit: 'b'.repeat(40), dirty: false, schedlab: '0.1.0', records: 1 },
      { version: 'unversioned', commit: null, dirty: null, schedlab: null, records: 1 },
    ]);
  });
});
