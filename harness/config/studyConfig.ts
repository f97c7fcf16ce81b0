import { z } from 'zod';
import { isSetName, SET_NAME_HELP, type SetName } from '../../datasets/experimentSets.js';
import { SAMPLERS } from '../../algorithms/operators/buildIndividual.js';
import { RESCHEDULING_POPULATIONS } from '../../algorithms/rescheduling/reschedule.js';
import { kindOfName, STUDY_KINDS, STUDY_NAME_PATTERN, type StudyKind } from './studyKinds.js';

/** Required experiment sample size variants of the paper's experiment sets (spec §11). */
export const RESS_VARIANTS = ['low', 'mid', 'high'] as const;
export type Ress = (typeof RESS_VARIANTS)[number];
export type { SetName } from '../../datasets/experimentSets.js';

export { STUDY_KINDS, type StudyKind } from './studyKinds.js';

/** RS population size of the paper; the initial population of algorithms without a populationSize. */
export const DEFAULT_INITIAL_POPULATION_SIZE = 40;

const integer = (minimum: number) =>
  z.number({ error: 'must be a number' }).int({ error: 'must be an integer' }).min(minimum, { error: `must be ≥ ${minimum}` });

const rangeSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  step: z.number().int().min(1),
}).strict();

/** `{"from": 10, "to": 70, "step": 5}` → [10, 15, …, 70]; anything else is left for the list schema to judge. */
function expandRange(value: unknown): unknown {
  const range = rangeSchema.safeParse(value);
  if (!range.success || range.data.from > range.data.to) return value;
  const values: number[] = [];
  for (let v = range.data.from; v <= range.data.to; v += range.data.step) values.push(v);
  return values;
}

/** A list of integers, written out or as a range `{from, to, step}` (inclusive). */
export const integerList = (minimum: number) => z.preprocess(
  expandRange,
  z.array(integer(minimum), { error: 'must be a list of integers or a range {"from", "to", "step"} with from ≤ to' })
    .min(1, { error: 'must list at least one value' }),
);

/** A list of numbers (or a range) to sweep one algorithm parameter over. */
const numberList = z.preprocess(
  expandRange,
  z.array(z.number({ error: 'must be a number' }), { error: 'must be a list of numbers or a range {"from", "to", "step"} with from ≤ to' })
    .min(1, { error: 'must list at least one value' }),
);

export const algorithmEntrySchema = z.object({
  /** registered algorithm name (algorithms/registry.ts) */
  name: z.string({ error: 'must be an algorithm name' }),
  /**
   * what the entry is called in trial ids, trials.csv's `algorithm` column and every table
   * (default: `name`): one study can run the same algorithm twice, e.g. `genetic` and
   * `genetic+greedy` with `"params": {"initialization": "greedy"}`
   */
  label: z.string().regex(/^[a-z0-9][a-z0-9+.-]*$/, { error: 'must be lower-case letters, digits and + . - (it becomes part of trial ids and file names)' }).optional(),
  /** parameters; the algorithm's schema fills the rest with its defaults */
  params: z.record(z.string(), z.unknown()).default({}),
  /** parameter sweeps: one trial per combination (calibration); each value overrides `params` */
  grid: z.record(z.string(), numberList).optional(),
  /**
   * re-evaluation only: how the re-scheduling run starts (algorithms/rescheduling/reschedule.ts):
   * `sound` (default), `as-published` (the replication package's restart path) or
   * `paper-means-hypothesis` (as published without the carried-over plan — a hypothesis, not the
   * public code). Give such entries a `label`.
   */
  reschedulingPopulation: z.enum(RESCHEDULING_POPULATIONS, { error: `must be one of ${RESCHEDULING_POPULATIONS.join(', ')}` }).optional(),
  /**
   * a wall-time cap for this entry's trials only, on top of the study's budget (the evaluation
   * budget stays the study's, equal for all): e.g. random sampling, whose every evaluation samples
   * a whole schedule. Trials it cuts say stopped_by=time and are not reproducible to the digit.
   */
  wallTimeCap: z.object({
    seconds: z.number({ error: 'must be a number' }).positive({ error: 'must be > 0' }),
  }).strict().optional(),
}).strict();
export type AlgorithmEntry = z.infer<typeof algorithmEntrySchema>;

export const restartSchema = z.object({
  /** restart hour t of spec §10 */
  hour: integer(0),
  /** experiments cancelled at t (e.g. a rolled-back canary) */
  discardIds: z.array(integer(0)).default([]),
  /**
   * How to obtain the schedule being re-scheduled when the data source has no saved one
   * (the builtin source): a run of this algorithm on the study's first size/RESS.
   */
  baseSchedule: z.object({
    algorithm: z.string().default('genetic'),
    params: z.record(z.string(), z.unknown()).default({}),
  }).strict().default({ algorithm: 'genetic', params: {} }),
}).strict();
export type RestartSettings = z.infer<typeof restartSchema>;

/** An equal budget for every algorithm of a study (algorithms/termination.ts). */
export const budgetSchema = z.object({
  /** candidate solutions each trial may evaluate */
  evaluations: integer(1).optional(),
  /** wall time each trial may take (a safety net: trials cut by it are no longer reproducible; trials.csv's stopped_by says which) */
  seconds: z.number({ error: 'must be a number' }).positive({ error: 'must be > 0' }).optional(),
  /** false (default): the budget alone stops each search, its own generations/iterations are lifted; true: whichever comes first */
  ownSteps: z.boolean().default(false),
}).strict().refine((budget) => budget.evaluations !== undefined || budget.seconds !== undefined, {
  message: 'give "evaluations" and/or "seconds"',
});
export type StudyBudget = z.infer<typeof budgetSchema>;

/** A set name: a RESS variant or a benchmark set (checked against the families). */
const setNameSchema = z.string({ error: `must be ${SET_NAME_HELP}` })
  .refine(isSetName, { error: (issue) => `unknown set ${JSON.stringify(issue.input)}: expected ${SET_NAME_HELP}` })
  .transform((name) => name as SetName);

const studyObjectSchema = z.object({
  /**
   * any name (lower-case letters, digits, . and -): it starts the study's trial ids and seeds, and
   * names the study in trials.csv and every table
   */
  name: z.string({ error: 'must be a study name' }).regex(STUDY_NAME_PATTERN, { error: 'must be lower-case letters, digits, . and - (it starts every trial id and best-schedule file name)' }),
  /**
   * what the study is (harness/config/studyKinds.ts): tables, report sections and figures select
   * trials by it. Optional when the name is a kind (the study is then of that kind).
   */
  kind: z.enum(STUDY_KINDS, { error: `must be one of ${STUDY_KINDS.join(', ')}` }).optional(),
  /** why this study deviates from the paper, if it does (shown in the README and manifest) */
  note: z.string().optional(),
  /** experiment-set sizes */
  sizes: integerList(1),
  /** the sets: RESS variants (low, mid, high) and/or benchmark sets (bench/<family>/<level>) */
  ress: z.array(setNameSchema).min(1, { error: 'must list at least one set' }),
  repetitions: integer(1),
  /** size of the shared RS population for algorithms without a populationSize parameter */
  initialPopulationSize: integer(1).default(DEFAULT_INITIAL_POPULATION_SIZE),
  /**
   * how the shared initial population (and any other random individual) is sampled: `as-published`
   * (spec §6, the paper's studies) or `robust` (finds a placement whenever one exists)
   */
  sampler: z.enum(SAMPLERS, { error: `must be one of ${SAMPLERS.join(', ')}` }).default('as-published'),
  algorithms: z.array(algorithmEntrySchema).min(1, { error: 'must list at least one algorithm' }),
  /** re-evaluation only (spec §10) */
  restart: restartSchema.optional(),
  /**
   * the same budget for every trial (required for, and typical of, the benchmark study). A
   * benchmark study shares no initial population: each algorithm samples (and pays for) its own start.
   */
  budget: budgetSchema.optional(),
}).strict();

/** A study's kind: the one it gives, else its name's (undefined: neither, an error the schema reports). */
export const kindOfStudy = (study: { name: string; kind?: StudyKind }): StudyKind | undefined => study.kind ?? kindOfName(study.name);

export const studySchema = studyObjectSchema.superRefine((study, context) => {
  const kind = kindOfStudy(study);
  if (kind === undefined) {
    context.addIssue({ code: 'custom', path: ['kind'], message: `study "${study.name}" needs a "kind" (one of ${STUDY_KINDS.join(', ')}): its name is not one` });
    return;
  }
  const nameKind = kindOfName(study.name);
  if (nameKind !== undefined && nameKind !== kind) {
    context.addIssue({ code: 'custom', path: ['kind'], message: `a study named "${study.name}" is of kind ${nameKind}: rename it to give it kind ${kind}` });
  }
  if (kind === 'benchmark' && !study.budget) {
    context.addIssue({ code: 'custom', path: ['budget'], message: 'a study of kind benchmark needs "budget": {"evaluations": N} (equal budgets are its point)' });
  }
  if (kind === 'reevaluation' && !study.restart) {
    context.addIssue({ code: 'custom', path: ['restart'], message: 'a study of kind reevaluation needs "restart": {"hour", "discardIds"}' });
  }
  if (kind !== 'reevaluation' && study.restart) {
    context.addIssue({ code: 'custom', path: ['restart'], message: 'only a study of kind reevaluation takes "restart"' });
  }
  study.algorithms.forEach((entry, i) => {
    if (entry.reschedulingPopulation === undefined) return;
    if (kind !== 'reevaluation') {
      context.addIssue({ code: 'custom', path: ['algorithms', i, 'reschedulingPopulation'], message: 'only entries of a study of kind reevaluation take "reschedulingPopulation"' });
    } else if (entry.reschedulingPopulation !== 'sound' && study.sampler === 'robust') {
      context.addIssue({ code: 'custom', path: ['algorithms', i, 'reschedulingPopulation'], message: `"${entry.reschedulingPopulation}" samples as published; it does not combine with "sampler": "robust"` });
    }
  });
}).transform((study) => ({ ...study, kind: kindOfStudy(study)! }));
export type Study = z.infer<typeof studySchema>;

export const studyConfigSchema = z.object({
  $schema: z.string().optional(),
  description: z.string().default(''),
  /** deviations from the paper's protocol and why (e.g. a reduced grid to fit a time budget) */
  note: z.string().optional(),
  /**
   * data source: "builtin", "fenrir:<folder>", or "fenrir-if-present" (../shared/data/fenrir when
   * it exists, else builtin); overridable with --data
   */
  data: z.string().regex(/^(builtin|fenrir(:.+)?|fenrir-if-present)$/, { error: 'must be "builtin", "fenrir", "fenrir:<folder>" or "fenrir-if-present"' }).default('builtin'),
  /** every trial seed derives from it (deriveSeed(baseSeed, trialId)) */
  baseSeed: z.number({ error: 'must be an integer' }).int({ error: 'must be an integer' }),
  studies: z.array(studySchema).min(1, { error: 'must list at least one study' }),
}).strict().superRefine((config, context) => {
  const seen = new Set<string>();
  config.studies.forEach((study, i) => {
    if (seen.has(study.name)) context.addIssue({ code: 'custom', path: ['studies', i, 'name'], message: `study "${study.name}" appears twice` });
    seen.add(study.name);
  });
  // the benchmark tables (tables/benchmark*.csv), its traces and its report section are one per run
  const benchmarks = config.studies.flatMap((study, i) => (study.kind === 'benchmark' ? [i] : []));
  if (benchmarks.length > 1) {
    context.addIssue({ code: 'custom', path: ['studies', benchmarks[1], 'kind'], message: `a config holds at most one study of kind benchmark (its tables and report section are one per run; "${config.studies[benchmarks[0]].name}" is one): run the other from its own config` });
  }
});

/**
 * A validated study configuration, with the name it is known by (its file name) and, when
 * `npm run replicate -- --run-seed N` gave one, the seed of the runs' randomness (planTrials.ts).
 */
export type StudyConfig = z.infer<typeof studyConfigSchema> & { readonly name: string; readonly runSeed?: number };
