import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatPath } from '../../algorithms/problem/jsonText.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { trialFingerprint } from '../run/trialFingerprint.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { trialRecordSchema } from './recordSchema.js';

/** One valid record and where it is: its 1-based line and the line's exact text. */
export interface JournalEntry {
  readonly line: number;
  readonly record: TrialRecord;
  readonly text: string;
}

/** A complete line that is not a valid record, and why. */
export interface CorruptLine {
  readonly line: number;
  readonly problem: string;
}

export interface JournalContents {
  readonly path: string;
  /** the valid records, in file order */
  readonly entries: JournalEntry[];
  readonly records: TrialRecord[];
  /** complete lines that are not valid records: damaged or altered after they were written */
  readonly corrupt: CorruptLine[];
  /** of the entries, records written before records carried a checksum and code version (fingerprint-checked only) */
  readonly unversioned: number;
  /** bytes of a torn last line that were cut off (a crash in the middle of a write) */
  readonly repairedBytes: number;
  /** the line number the torn tail had */
  readonly tornLine?: number;
  /** the journal's state: size and sha256 of its complete lines (derived outputs are stamped with it) */
  readonly state: JournalState;
}

/** What a set of derived outputs was computed from. */
export interface JournalState {
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
}

const CHECKSUM_PREFIX = ',"checksum":"';
/** `,"checksum":"<64 hex>"}` ends every line */
const CHECKSUM_SUFFIX_LENGTH = CHECKSUM_PREFIX.length + 64 + 2;
const CHECKSUM_SUFFIX = /^,"checksum":"([0-9a-f]{64})"\}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One record as one journal line (without the newline): its JSON, with a sha256 of exactly those
 * bytes appended as the last field. Any changed, lost or added byte of the line breaks it.
 */
export function serializeRecord(record: TrialRecord): string {
  const body = JSON.stringify(record);
  return `${body.slice(0, -1)}${CHECKSUM_PREFIX}${sha256(Buffer.from(body))}"}`;
}

/**
 * Reads and verifies a journal. Every complete line must be a record whose checksum, schema and
 * fingerprint (recomputed from its trial and data) hold; other lines are listed in `corrupt`,
 * never returned as records. Every record is written with its newline in one append, so only the
 * last line can be incomplete, and only after a crash mid-write: that fragment is cut off
 * (unless `repair` is false) so the next append starts on a fresh line. A missing journal is empty.
 */
export function readJournal(path: string, options: { repair?: boolean } = {}): JournalContents {
  const empty: JournalState = { records: 0, bytes: 0, sha256: sha256(Buffer.alloc(0)) };
  if (!existsSync(path)) return { path, entries: [], records: [], corrupt: [], unversioned: 0, repairedBytes: 0, state: empty };
  const bytes = readFileSync(path);
  const completeLength = bytes.lastIndexOf(0x0a) + 1;
  const entries: JournalEntry[] = [];
  const corrupt: CorruptLine[] = [];
  let unversioned = 0;
  let start = 0;
  let line = 0;
  while (start < completeLength) {
    const end = bytes.indexOf(0x0a, start);
    line++;
    const parsed = parseLine(bytes.subarray(start, end));
    if ('problem' in parsed) corrupt.push({ line, problem: parsed.problem });
    else {
      entries.push({ line, record: parsed.record, text: parsed.text });
      if (parsed.record.codeVersion === undefined) unversioned++;
    }
    start = end + 1;
  }
  const repairedBytes = bytes.length - completeLength;
  if (repairedBytes > 0 && (options.repair ?? true)) truncateSync(path, completeLength);
  return {
    path,
    entries,
    records: entries.map((entry) => entry.record),
    corrupt,
    unversioned,
    repairedBytes,
    ...(repairedBytes > 0 ? { tornLine: line + 1 } : {}),
    state: { records: entries.length, bytes: completeLength, sha256: sha256(bytes.subarray(0, completeLength)) },
  };
}

/** Appends one record as one line in one write, so a reader sees all of it or (after a crash) a torn tail. */
export function appendRecord(path: string, record: TrialRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${serializeRecord(record)}\n`);
}

/** Flushes the journal to the disk (at the end of a run, or when it stops): appends alone may sit in the page cache. */
export function syncJournal(path: string): void {
  if (!existsSync(path)) return;
  const descriptor = openSync(path, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** One line about the corrupt lines of a journal (undefined when there are none). */
export function describeCorruption(contents: JournalContents): string | undefined {
  const { corrupt } = contents;
  if (corrupt.length === 0) return undefined;
  const [first] = corrupt;
  const lines = corrupt.slice(0, 8).map((entry) => entry.line).join(', ') + (corrupt.length > 8 ? ', …' : '');
  return `${contents.path}: line ${first.line}: ${first.problem}; ${corrupt.length} corrupt line(s) in the middle of the journal (lines ${lines}), `
    + `${contents.entries.length} valid record(s)`;
}

function parseLine(line: Buffer): { record: TrialRecord; text: string } | { problem: string } {
  if (line.length === 0) return { problem: 'empty line (a record was split or lost)' };
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return { problem: 'not valid UTF-8 (the line was damaged)' };
  }
  const suffix = CHECKSUM_SUFFIX.exec(line.length >= CHECKSUM_SUFFIX_LENGTH ? line.subarray(line.length - CHECKSUM_SUFFIX_LENGTH).toString('latin1') : '');
  let body = text;
  if (suffix) {
    const bodyBytes = Buffer.concat([line.subarray(0, line.length - CHECKSUM_SUFFIX_LENGTH), Buffer.from('}')]);
    if (sha256(bodyBytes) !== suffix[1]) return { problem: 'checksum mismatch (the line was changed after it was written)' };
    body = bodyBytes.toString('utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (!suffix) {
    // only records of the format before checksums (no codeVersion either) may lack one
    const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    if (keys.includes('checksum') || keys.includes('codeVersion')) return { problem: 'its checksum is missing or malformed (the line was damaged)' };
  }
  const result = trialRecordSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { problem: `${formatPath(issue.path)}: ${issue.message}` };
  }
  const record = value as TrialRecord;
  if (suffix && record.codeVersion === undefined) return { problem: 'codeVersion: missing' };
  const expected = trialFingerprint(record.trial, record.data);
  if (record.fingerprint !== expected) return { problem: `fingerprint ${record.fingerprint} does not match its trial and data (${expected})` };
  return { record, text };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Moves the corrupt lines of a journal to `<journal>.corrupt` (appended, for inspection) and
 * rewrites the journal without them, atomically: their trials then run again.
 */
export function quarantineCorruptLines(contents: JournalContents): string {
  const quarantine = `${contents.path}.corrupt`;
  const bad = new Set(contents.corrupt.map((entry) => entry.line));
  const bytes = readFileSync(contents.path);
  const kept: Buffer[] = [];
  const removed: Buffer[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length - 1;
    line++;
    (bad.has(line) ? removed : kept).push(bytes.subarray(start, end + 1));
    start = end + 1;
  }
  appendFileSync(quarantine, Buffer.concat(removed));
  writeFileAtomically(contents.path, Buffer.concat(kept));
  return quarantine;
}
