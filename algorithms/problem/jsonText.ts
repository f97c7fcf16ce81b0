import { InputError } from './inputError.js';

/** JSON.parse with a one-line error naming the file, line and column. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      throw new InputError(source, `line ${line}, column ${column}`, `malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
    }
    throw new InputError(source, undefined, `malformed JSON: ${message}`);
  }
}

/** `[3].minDuration` style path of a schema issue. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') || '(root)';
}
