import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { InputError } from '../../algorithms/problem/inputError.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { join, relative } from 'node:path';
import { currentCodeVersion } from '../journal/codeVersion.js';
import { PROJECT_ROOT } from '../replicate/projectPaths.js';
import type { SimulationConfig } from './simulationConfig.js';
import type { SimulationRunSpec } from './simulationPlan.js';
import type { SimulationTaskResult } from './simulationTask.js';

/** The journal of a study's finished runs, in its output folder: one line per run, appended as it finishes. */
export const JOURNAL_FILE = 'runs.jsonl';

/** A finished run as the journal holds it (the result without its index: the plan decides that). */
export interface JournalledRun {
  readonly run: string;
  readonly fingerprint: string;
  readonly result: Omit<SimulationTaskResult, 'index'>;
}

export interface SimulationJournal {
  /** the valid records by run id (a run journalled twice: the last one) */
  readonly byRun: ReadonlyMap<string, JournalledRun>;
  /** complete lines that are not valid records (damaged, altered): their runs run again */
  readonly damaged: number;
  /** bytes of a torn last line (a crash mid-write) cut off so the next append starts on a fresh line */
  readonly tornBytes: number;
}

/**
 * What decides a run's result, hashed: the scenario (every setting the sweep does not vary), the
 * run (its swept settings and seeds), the data source and the code. A record whose fingerprint
 * differs from the run's (the config's scenario, the data or the code changed) is not reused.
 */
export function runFingerprint(run: SimulationRunSpec, config: SimulationConfig, data: string, code: string): string {
  return sha256(JSON.stringify({ scenario: config.scenario, run, data, code })).slice(0, 16);
}

/**
 * Files of harness/simulation/ that do not make a run's result — they present results (figures,
 * tables, report, checks) or run the study (orchestration, journal, manifest, errors): changing
 * them does not change a run, so they stay out of the simulator's code version and journals stay valid.
 */
const NOT_PART_OF_A_RUN = /^(figures\/|README\.md$|simulationReport\.ts$|simulationSummary\.ts$|capacityCheck\.ts$|simulationJournal\.ts$|runSimulationStudy\.ts$|simulationManifest\.ts$|simulationRunError\.ts$)/;

let cachedCode: string | undefined;

/**
 * The simulator's code version: the trial code's (`currentCodeVersion().sources`: algorithms,
 * datasets, …) and a hash of harness/simulation's files that make a run (NOT_PART_OF_A_RUN aside).
 */
export function simulationCodeVersion(): string {
  if (cachedCode) return cachedCode;
  const folder = join(PROJECT_ROOT, 'harness', 'simulation');
  const hash = createHash('sha256').update(`${currentCodeVersion().sources}\0`);
  const files = listFiles(folder).map((path) => relative(folder, path).split('\\').join('/')).filter((file) => !NOT_PART_OF_A_RUN.test(file)).sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(folder, file))).update('\0');
  cachedCode = hash.digest('hex').slice(0, 16);
  return cachedCode;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

const CHECKSUM_PREFIX = ',"checksum":"';

/** NaN and ±Infinity (an outcome without a detection, say) survive the journal: JSON would make them null. */
const encode = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isFinite(value) ? { nonFinite: String(value) } : value);
const decode = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'nonFinite') return Number((value as { nonFinite: string }).nonFinite);
  }
  return value;
};

/** One record as one line (without the newline): its JSON with a sha256 of exactly those bytes as the last field. */
export function serializeRun(record: JournalledRun): string {
  const body = JSON.stringify(record, encode);
  return `${body.slice(0, -1)}${CHECKSUM_PREFIX}${sha256(body)}"}`;
}

/** The record of a line, or undefined when the line is damaged (bad JSON, a checksum that does not hold, fields missing). */
export function parseRun(line: string): JournalledRun | undefined {
  const at = line.lastIndexOf(CHECKSUM_PREFIX);
  if (at < 0 || !line.endsWith('"}')) return undefined;
  const body = `${line.slice(0, at)}}`;
  if (sha256(body) !== line.slice(at + CHECKSUM_PREFIX.length, -2)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body, decode);
  } catch {
    return undefined;
  }
  const record = parsed as Partial<JournalledRun>;
  if (typeof record.run !== 'string' || typeof record.fingerprint !== 'string' || typeof record.result !== 'object' || record.result === null) return undefined;
  return record as JournalledRun;
}

/**
 * Reads a study's journal (missing: empty). Only the last line can be incomplete — every record is
 * appended with its newline in one write — and only after a crash mid-write: it is cut off.
 */
export function readSimulationJournal(path: string): SimulationJournal {
  if (!existsSync(path)) return { byRun: new Map(), damaged: 0, tornBytes: 0 };
  const text = readFileSync(path, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  const tornBytes = Buffer.byteLength(text.slice(complete));
  if (tornBytes > 0) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
  const byRun = new Map<string, JournalledRun>();
  let damaged = 0;
  for (const line of text.slice(0, complete).split('\n')) {
    if (line === '') continue;
    const record = parseRun(line);
    if (record) byRun.set(record.run, record);
    else damaged++;
  }
  return { byRun, damaged, tornBytes };
}

/** Appends one record and flushes it to the disk: a run once journalled survives a crash of the study (or the machine). */
export function appendRun(path: string, record: JournalledRun): void {
  const descriptor = openSync(path, 'a');
  try {
    writeSync(descriptor, `${serializeRun(record)}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The journal of `out` (read like any study's) with the records of other folders' journals
 * (npm run merge), written back to `out` atomically in plan order when they add anything. Runs are
 * deterministic, so two records of one run made by the same code must agree to the last digit
 * (timings aside); records made by other code, or for another scenario or data source, are refused
 * with the folder that holds them: merging them would mix two simulators in one table.
 */
export function mergeJournals(journalPath: string, sources: readonly string[], runs: readonly SimulationRunSpec[], fingerprints: readonly string[]): SimulationJournal {
  const own = readSimulationJournal(journalPath);
  const planned = new Map(runs.map((run, index) => [run.id, fingerprints[index]]));
  const byRun = new Map(own.byRun);
  let damaged = own.damaged;
  let added = 0;
  for (const source of sources) {
    const path = join(source, JOURNAL_FILE);
    if (!existsSync(path)) throw new InputError(source, undefined, `no ${JOURNAL_FILE}: not the folder of a simulation study (or of a shard of one)`);
    const journal = readSimulationJournal(path);
    damaged += journal.damaged;
    for (const [id, record] of journal.byRun) {
      const expected = planned.get(id);
      if (expected === undefined) throw new InputError(path, id, 'a run this config does not plan: the folder holds another study');
      if (record.fingerprint !== expected) throw new InputError(path, id, 'made with another scenario, data source or simulator code than this merge (fingerprint differs): run that folder again with this code, or merge with the code that made it');
      const held = byRun.get(id);
      if (held && held.fingerprint === expected) {
        if (deterministicPart(held) !== deterministicPart(record)) throw new InputError(path, id, `two different results of one run (here and in ${journalPath}): the simulator is not deterministic or a journal was altered`);
        continue;
      }
      byRun.set(id, record);
      added++;
    }
  }
  if (added > 0) {
    const ordered = runs.flatMap((run) => (byRun.has(run.id) ? [byRun.get(run.id)!] : []));
    writeFileAtomically(journalPath, ordered.map((record) => `${serializeRun(record)}\n`).join(''));
  }
  return { byRun, damaged, tornBytes: own.tornBytes };
}

/** A record without its timings, as text: what two runs of the same code must share. */
const deterministicPart = (record: JournalledRun): string => {
  const { plannerMs: _plannerMs, runMs: _runMs, ...rest } = record.result;
  return serializeRun({ ...record, result: { ...rest, plannerMs: 0, runMs: 0 } });
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
