import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { formatPath, parseJson } from '../../algorithms/problem/jsonText.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { readText } from '../io/readInputs.js';
import { gridCombinations } from '../plan/gridCombinations.js';
import { planTrials } from '../plan/planTrials.js';
import { formatSeconds } from '../run/progressReporter.js';
import { CONFIRM_TRIALS_ABOVE, MAX_TRIALS, planSize } from './planSize.js';
import { studyConfigSchema, type StudyConfig } from './studyConfig.js';

export interface LoadedConfig {
  readonly config: StudyConfig;
  /** the file as read (its sha256 goes into the manifest) */
  readonly text: string;
  readonly sha256: string;
  readonly path: string;
}

export interface PlanLimits {
  /** refuse configs planning more trials (default CONFIRM_TRIALS_ABOVE; --yes raises it to MAX_TRIALS) */
  readonly maxTrials?: number;
}

export function loadStudyConfig(path: string, limits: PlanLimits = {}): LoadedConfig {
  const text = readText(path);
  return { ...parseStudyConfig(text, path, limits), text, path };
}

/**
 * Parses and validates a study config; every problem becomes one InputError line naming the
 * file and the field (`configs/x.json: studies[2].sizes[0]: must be ≥ 1`). Algorithm names and
 * their parameters are checked against the registry here, before anything runs.
 */
export function parseStudyConfig(text: string, source: string, limits: PlanLimits = {}): { config: StudyConfig; sha256: string } {
  const raw = parseJson(text, source);
  checkPlanSize(raw, source, Math.min(limits.maxTrials ?? CONFIRM_TRIALS_ABOVE, MAX_TRIALS));
  const result = studyConfigSchema.safeParse(raw);
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

/**
 * Refuses an oversized plan before anything is expanded (a 10^7-value range is counted, not
 * built): the count comes from arithmetic on the raw config (harness/config/planSize.ts).
 */
function checkPlanSize(raw: unknown, source: string, maxTrials: number): void {
  const size = planSize(raw);
  const tooLong = size.longestList.length > MAX_TRIALS;
  if (size.trials <= maxTrials && !tooLong) return;
  const time = size.cpuSeconds !== undefined ? `, estimated ${formatSeconds(size.cpuSeconds)} of CPU time (${formatSeconds(size.cpuSeconds / availableParallelism())} on ${availableParallelism()} cores)` : '';
  const where = tooLong ? `${size.longestList.where} has ${size.longestList.length} values; ` : '';
  const advice = size.trials > MAX_TRIALS || tooLong
    ? `at most ${MAX_TRIALS} trials can be planned: split the study or coarsen its grid`
    : `more than ${CONFIRM_TRIALS_ABOVE} trials need --yes`;
  throw new InputError(source, 'studies', `${where}the config plans ${size.trials} trials${time}; ${advice}`);
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
