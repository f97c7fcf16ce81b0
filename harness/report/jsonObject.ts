import { ReportInputError } from './reportInputError.js';

/** Parses a JSON file's text that must hold an object; one-line errors name the file. */
export function parseJsonObject(text: string, source: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(source, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ReportInputError(source, undefined, 'expected a JSON object');
  return raw as Record<string, unknown>;
}
