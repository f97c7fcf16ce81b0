import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { formatPath, parseJson } from '../../algorithms/problem/jsonText.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { readText } from '../io/readInputs.js';
import { gridCombinations } from '../plan/gridCombinations.js';
import { planTrials } from '../plan/planTrials.js';
import { studyConfigSchema, type StudyConfig } from './studyConfig.js';

export interface LoadedConfig {
  readonly config: StudyConfig;
  /** the file as read (its sha256 goes into the manifest) */
  readonly text: string;
  readonly sha256: string;
  readonly path: string;
}

export function loadStudyConfig(path: string): LoadedConfig {
  const text = readText(path);
  return { ...parseStudyConfig(text, path), text, path };
}

/**
 * Parses and validates a study config; every problem becomes one InputError line naming the
 * file and the field (`configs/x.json: studies[2].sizes[0]: must be ≥ 1`). Algorithm names and
 * their parameters are checked against the registry here, before anything runs.
 */
export function parseStudyConfig(text: string, source: string): { config: StudyConfig; sha256: string } {
  const result = studyConfigSchema.safeParse(parseJson(text, source));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(source, formatPath(issue.path), issue.message);
  }
  const config: StudyConfig = { ...result.data, name: basename(source).replace(/\.json$/i, '') };
  config.studies.forEach((study, s) => {
    study.algorithms.forEach((entry, a) => {
      for (const combination of gridCombinations(entry.grid)) {
        checkAlgorithm(source, `studies[${s}].algorithms[${a}]`, entry.name, { ...entry.params, ...combination });
      }
    });
    if (study.restart) {
      const { algorithm, params } = study.restart.baseSchedule;
      checkAlgorithm(source, `studies[${s}].restart.baseSchedule`, algorithm, params);
    }
  });
  try {
    planTrials(config);
  } catch (error) {
    throw new InputError(source, 'studies', error instanceof Error ? error.message : String(error));
  }
  return { config, sha256: createHash('sha256').update(text).digest('hex') };
}

function checkAlgorithm(source: string, where: string, name: string, params: Record<string, unknown>): void {
  if (!algorithmNames().includes(name)) {
    throw new InputError(source, `${where}.name`, `unknown algorithm "${name}" (known: ${algorithmNames().join(', ')})`);
  }
  const parsed = getAlgorithm(name).paramsSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? `.${formatPath(issue.path)}` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown parameter(s) ${issue.keys.join(', ')} for ${name}` : issue.message;
    throw new InputError(source, `${where}.params${field}`, message);
  }
}
