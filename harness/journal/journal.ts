import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TrialRecord } from '../run/trialOutcome.js';

export interface JournalContents {
  /** the parseable records, in file order */
  readonly records: TrialRecord[];
  /** bytes of a torn last line that were cut off (a crash in the middle of a write) */
  readonly repairedBytes: number;
  /** complete lines that were not valid records (kept in the file, ignored) */
  readonly skippedLines: number;
}

/**
 * Reads a journal and repairs a torn tail: every record is written with its newline in one
 * append, so only the last line can be incomplete, and only after a crash mid-write. That
 * fragment is cut off so the next append starts on a fresh line. A missing journal is empty.
 */
export function readJournal(path: string, options: { repair?: boolean } = {}): JournalContents {
  if (!existsSync(path)) return { records: [], repairedBytes: 0, skippedLines: 0 };
  const text = readFileSync(path, 'utf8');
  const completeLength = text.lastIndexOf('\n') + 1;
  const tail = text.slice(completeLength);
  let repairedBytes = 0;
  if (tail.length > 0) {
    repairedBytes = Buffer.byteLength(tail);
    if (options.repair ?? true) truncateSync(path, Buffer.byteLength(text.slice(0, completeLength)));
  }
  const records: TrialRecord[] = [];
  let skippedLines = 0;
  for (const line of text.slice(0, completeLength).split('\n')) {
    if (line.trim() === '') continue;
    const record = parseRecord(line);
    if (record) records.push(record);
    else skippedLines++;
  }
  return { records, repairedBytes, skippedLines };
}

/** Appends one record as one line in one write, so a reader sees all of it or (after a crash) a torn tail. */
export function appendRecord(path: string, record: TrialRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(record)}\n`);
}

function parseRecord(line: string): TrialRecord | undefined {
  try {
    const value = JSON.parse(line) as Partial<TrialRecord>;
    if (typeof value !== 'object' || value === null || typeof value.trial?.id !== 'string' || typeof value.fingerprint !== 'string') return undefined;
    return value as TrialRecord;
  } catch {
    return undefined;
  }
}
