import { z } from 'zod';
import type { Experiment } from './experiment.js';
import { InputError } from './inputError.js';
import { formatPath, parseJson } from './jsonText.js';

/** One experiment in the replication package's JSON format (spec §2); `minDuration` as given. */
function experimentSchemaWith(minDuration: z.ZodNumber) {
  return z.object({
    baseType: z.enum(['Experiment', 'GradualExperiment']),
    id: z.number().int(),
    type: z.enum(['REGRESSION', 'BUSINESS']),
    targetService: z.string().min(1),
    minDuration,
    requiredTotalTraffic: z.number().int().nonnegative(),
    priority: z.number().int().nonnegative(),
    preferredUserGroup: z.array(z.string()).nullish(),
    startTraffic: z.number().nonnegative().optional(),
  }).superRefine((value, context) => {
    if (value.baseType === 'GradualExperiment' && value.startTraffic === undefined) {
      context.addIssue({ code: 'custom', path: ['startTraffic'], message: 'a GradualExperiment needs startTraffic' });
    }
  });
}

export const experimentSchema = experimentSchemaWith(z.number().int().positive());
/** The same, allowing minDuration 0: what remains of an experiment in a re-scheduled plan (spec §10). */
const remainderSchema = experimentSchemaWith(z.number().int().nonnegative());

export type ExperimentJson = z.input<typeof experimentSchema>;

function fromJson(value: z.output<typeof experimentSchema>): Experiment {
  return {
    id: value.id,
    type: value.type,
    baseType: value.baseType,
    targetService: value.targetService,
    minDuration: value.minDuration,
    requiredTotalTraffic: value.requiredTotalTraffic,
    priority: value.priority,
    preferredUserGroup: value.preferredUserGroup ?? [],
    ...(value.baseType === 'GradualExperiment' ? { startTraffic: Math.fround(value.startTraffic ?? 0) } : {}),
  };
}

/**
 * Validates one parsed experiment object; `where` prefixes the field path in errors.
 * `allowZeroMinDuration`: an experiment of a re-scheduled plan, which may need no more hours.
 */
export function experimentFromJson(value: unknown, source: string, where = '', options: { allowZeroMinDuration?: boolean } = {}): Experiment {
  const result = (options.allowZeroMinDuration ? remainderSchema : experimentSchema).safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = formatPath(issue.path);
    const location = where ? (issue.path.length > 0 ? `${where}.${field}` : where) : field;
    const id = typeof value === 'object' && value !== null && 'id' in value ? ` (experiment ${String((value as { id: unknown }).id)})` : '';
    throw new InputError(source, `${location}${id}`, issue.message);
  }
  return fromJson(result.data);
}

/** An experiment-set file: a JSON array of experiments. */
export function parseExperiments(text: string, source: string): Experiment[] {
  const value = parseJson(text, source);
  if (!Array.isArray(value)) throw new InputError(source, '(root)', 'expected a JSON array of experiments');
  const experiments = value.map((item, i) => experimentFromJson(item, source, `[${i}]`));
  const ids = new Set<number>();
  experiments.forEach((experiment, i) => {
    if (ids.has(experiment.id)) throw new InputError(source, `[${i}].id`, `duplicate experiment id ${experiment.id}`);
    ids.add(experiment.id);
  });
  return experiments;
}

/** The experiment as the original tool writes it (same key order). */
export function experimentToJson(experiment: Experiment): ExperimentJson {
  return {
    baseType: experiment.baseType,
    ...(experiment.baseType === 'GradualExperiment' ? { startTraffic: experiment.startTraffic ?? 0 } : {}),
    id: experiment.id,
    type: experiment.type,
    targetService: experiment.targetService,
    minDuration: experiment.minDuration,
    requiredTotalTraffic: experiment.requiredTotalTraffic,
    priority: experiment.priority,
    ...(experiment.preferredUserGroup.length > 0 ? { preferredUserGroup: [...experiment.preferredUserGroup] } : {}),
  };
}

export function formatExperiments(experiments: readonly Experiment[]): string {
  return `${JSON.stringify(experiments.map(experimentToJson), null, 2)}\n`;
}
