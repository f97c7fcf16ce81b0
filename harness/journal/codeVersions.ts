import { InputError } from '../../algorithms/problem/inputError.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { describeVersion, versionLabel, type CodeVersion } from './codeVersion.js';

/** The code versions of a set of records, as manifest.json lists them. */
export interface VersionCount {
  readonly version: string;
  readonly commit: string | null;
  readonly dirty: boolean | null;
  readonly schedlab: string | null;
  readonly records: number;
}

/** The versions of `records`, most records first (ties by label). */
export function countVersions(records: readonly TrialRecord[]): VersionCount[] {
  const counts = new Map<string, { version: CodeVersion | undefined; records: number }>();
  for (const record of records) {
    const label = versionLabel(record.codeVersion);
    const entry = counts.get(label) ?? { version: record.codeVersion, records: 0 };
    entry.records++;
    counts.set(label, entry);
  }
  return [...counts].map(([label, { version, records: count }]) => ({
    version: label,
    commit: version?.commit ?? null,
    dirty: version?.dirty ?? null,
    schedlab: version?.schedlab ?? null,
    records: count,
  })).sort((a, b) => b.records - a.records || a.version.localeCompare(b.version));
}

/**
 * Refuses records made by other code than `expected` (resume: this checkout; merge: the first
 * source's), in one line, unless mixed versions are allowed. Results of different code must not
 * pass for one run; with `--allow-mixed-versions` they are kept and every version is recorded.
 */
export function checkVersions(records: readonly TrialRecord[], expected: CodeVersion | undefined, options: { allowMixed?: boolean; source: string; expectedIs: string }): void {
  if (options.allowMixed) return;
  const label = versionLabel(expected);
  const others = records.filter((record) => versionLabel(record.codeVersion) !== label);
  if (others.length === 0) return;
  const [other] = countVersions(others);
  const example = others.find((record) => versionLabel(record.codeVersion) === other.version)!;
  throw new InputError(options.source, undefined,
    `${others.length} of ${records.length} record(s) were made by other code than ${options.expectedIs} — ${describeVersion(example.codeVersion)} vs ${describeVersion(expected)}${countVersions(others).length > 1 ? ' (and more versions)' : ''}; `
    + 'run with the same code, write to another --out, or pass --allow-mixed-versions to keep them (every version is then recorded in manifest.json and in the version column of trials.csv)');
}
