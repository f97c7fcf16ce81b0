import { readResultsFile } from './csvTable.js';
import { parseJsonObject } from './jsonObject.js';

/**
 * What the report needs from `manifest.json`. The harness owns the format; this reader is
 * deliberately lenient (only `data` is looked up, everything else is shown as written) so a
 * new manifest field never breaks the report.
 */
export interface RunManifest {
  readonly source: string;
  readonly raw: Record<string, unknown>;
  /** data source spec such as `builtin` or `fenrir:<folder>`, if the manifest names one */
  readonly dataSpec: string | undefined;
}

export function parseManifest(text: string, source: string): RunManifest {
  const record = parseJsonObject(text, source);
  const config = typeof record.config === 'object' && record.config !== null ? (record.config as Record<string, unknown>) : {};
  const data = config.data ?? record.data;
  return { source, raw: record, dataSpec: typeof data === 'string' ? data : undefined };
}

export const readManifest = (path: string): RunManifest => parseManifest(readResultsFile(path), path);

/** Flattens the manifest into `dotted.key → text` pairs for the report's set-up table. */
export function manifestFacts(value: unknown, prefix = '', maxListItems = 12): [string, string][] {
  if (value === null || value === undefined) return [[prefix, String(value)]];
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const shown = value.slice(0, maxListItems).map(String).join(', ');
      return [[prefix, value.length > maxListItems ? `${shown}, … (${value.length} in all)` : shown || '(none)']];
    }
    return value.flatMap((item, i) => manifestFacts(item, `${prefix}[${i}]`, maxListItems));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[prefix, '(none)']];
    return entries.flatMap(([key, item]) => manifestFacts(item, prefix ? `${prefix}.${key}` : key, maxListItems));
  }
  return [[prefix, String(value)]];
}

/** A value on one line: lists joined by commas, objects as `key value` pairs, named objects as `name (…)`. */
export function compactValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return value.map(compactValue).join(', ');
  if (typeof value === 'object') {
    const { name, ...rest } = value as Record<string, unknown>;
    const inner = Object.entries(rest).map(([key, item]) => `${key} ${compactValue(item)}`).join('; ');
    if (typeof name === 'string') return inner ? `${name} (${inner})` : name;
    return inner;
  }
  return String(value);
}

/** The set-up as the report shows it: run facts, one line per study, and the rest of the config. */
export interface SetupSummary {
  readonly facts: [string, string][];
  readonly studies: { name: string; settings: string }[];
  readonly config: [string, string][];
}

/**
 * Splits the manifest: the config's `content.studies` (if the harness embedded its config)
 * become one compact line per study; other config content goes to a folded table.
 */
export function setupSummary(raw: Record<string, unknown>): SetupSummary {
  const config = isRecord(raw.config) ? raw.config : undefined;
  const content = config && isRecord(config.content) ? config.content : undefined;
  const { content: _content, ...configRest } = config ?? {};
  const { config: _config, outputs: _outputs, ...top } = raw; // the files' sha256 stamps are for checking, not for reading
  const facts = manifestFacts(config ? { ...top, config: configRest } : top);
  if (!content) return { facts, studies: [], config: [] };
  const { studies, ...contentRest } = content;
  const studyLines = Array.isArray(studies)
    ? studies.filter(isRecord).map((study) => {
      const { name, ...settings } = study;
      return { name: String(name ?? '?'), settings: Object.entries(settings).map(([key, value]) => `${key}: ${compactValue(value)}`).join(' · ') };
    })
    : [];
  return { facts, studies: studyLines, config: manifestFacts(contentRest, 'config') };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
