import type { z } from 'zod';
import type { Algorithm } from '../../algorithms/algorithm.js';
import { InputError } from '../../algorithms/problem/inputError.js';

/**
 * `--param key=value` assignments → a raw params object. Values are read as JSON when they
 * parse (numbers, booleans), else kept as strings, so `--param generations=90` gives a number
 * and zod reports a wrongly typed value by its name.
 */
export function parseParamAssignments(assignments: readonly string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) throw new InputError('--param', assignment, 'expected key=value, e.g. --param generations=90');
    const key = assignment.slice(0, equals).trim();
    const text = assignment.slice(equals + 1).trim();
    if (key in raw) throw new InputError('--param', key, 'given twice');
    raw[key] = parseValue(text);
  }
  return raw;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The algorithm's parameters with its defaults filled in; a bad one → InputError naming it. */
export function resolveParams<Params>(algorithm: Algorithm<Params>, raw: Record<string, unknown>): Params {
  const result = algorithm.paramsSchema.safeParse(raw);
  if (result.success) return result.data;
  throw paramError(algorithm, result.error);
}

function paramError(algorithm: Algorithm<unknown>, error: z.ZodError): InputError {
  const issue = error.issues[0];
  const known = Object.keys(defaultParams(algorithm)).join(', ');
  if (issue.code === 'unrecognized_keys') {
    return new InputError('--param', issue.keys.join(', '), `unknown parameter of ${algorithm.name} (known: ${known})`);
  }
  const name = issue.path.length > 0 ? issue.path.join('.') : '(params)';
  return new InputError('--param', name, `${issue.message} (${algorithm.name} parameters: ${known})`);
}

/** What parsing `{}` yields: every parameter with its default. */
export function defaultParams(algorithm: Algorithm<unknown>): Record<string, unknown> {
  return algorithm.paramsSchema.parse({}) as Record<string, unknown>;
}

/** One help line per algorithm: name, summary and `key=default` of every parameter. */
export function describeAlgorithms(algorithms: readonly Algorithm<unknown>[]): string {
  return algorithms.map((algorithm) => {
    const params = Object.entries(defaultParams(algorithm)).map(([key, value]) => `${key}=${String(value)}`).join(' ');
    return `  ${algorithm.name}\n      ${algorithm.summary}\n      params: ${params || '(none)'}`;
  }).join('\n');
}
