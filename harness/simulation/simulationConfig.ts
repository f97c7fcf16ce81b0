import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../algorithms/problem/inputError.js';
import { formatPath, parseJson } from '../../algorithms/problem/jsonText.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { readText } from '../io/readInputs.js';

/**
 * A simulation study (configs/simulation*.json): one base scenario and a sweep over some of its
 * settings; every combination runs `repetitions` times. Validated with zod; every problem is one
 * line naming the file and the field.
 */
const integer = (minimum: number) =>
  z.number({ error: 'must be a number' }).int({ error: 'must be an integer' }).min(minimum, { error: `must be ≥ ${minimum}` });
const share = z.number({ error: 'must be a number' }).min(0, { error: 'must be ≥ 0' }).max(1, { error: 'must be ≤ 1' });
const positive = z.number({ error: 'must be a number' }).positive({ error: 'must be > 0' });

export const forecastSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('truth') }).strict(),
  z.object({
    kind: z.literal('noisy'),
    /** standard deviation of the log error (0.1 ≈ ±10 %) */
    noise: z.number().min(0, { error: 'must be ≥ 0' }).max(2, { error: 'must be ≤ 2' }),
    /** lag-1 correlation of the hourly errors */
    autocorrelation: z.number().min(0).lt(1, { error: 'must be < 1' }).default(0.9),
  }).strict(),
  z.object({ kind: z.literal('seasonal-naive'), weeks: integer(1).max(8, { error: 'must be ≤ 8' }).default(1) }).strict(),
  z.object({ kind: z.literal('model') }).strict(),
], { error: 'expected {"kind": "truth" | "noisy" | "seasonal-naive" | "model", …}' });
export type ForecastSpec = z.infer<typeof forecastSchema>;

export const arrivalsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({
    kind: z.literal('poisson'),
    /** expected arrivals per day */
    perDay: z.number().min(0, { error: 'must be ≥ 0' }).max(240, { error: 'must be ≤ 240' }),
    /** the baseline set (RESS variant) arrivals are drawn from, uniformly */
    mix: z.enum(['low', 'mid', 'high']).default('mid'),
  }).strict(),
  /** a JSON array of {"hour": h, "experiment": {…}} (experiment in the replication package's format) */
  z.object({ kind: z.literal('file'), file: z.string().min(1) }).strict(),
], { error: 'expected {"kind": "none" | "poisson" | "file", …}' });
export type ArrivalsSpec = z.infer<typeof arrivalsSchema>;

export const algorithmEntrySchema = z.object({
  name: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
  /** the name in run ids and tables (default: name) */
  label: z.string().regex(/^[A-Za-z0-9+._-]+$/, { error: 'letters, digits and + . _ - only' }).optional(),
}).strict();
export type AlgorithmEntry = z.infer<typeof algorithmEntrySchema>;

const REPLAN_EVERY_ERROR = 'must be an integer ≥ 1 or null (plan once)';
const replanEverySchema = z.union([z.number().int({ error: REPLAN_EVERY_ERROR }).min(1, { error: REPLAN_EVERY_ERROR }), z.null()], { error: REPLAN_EVERY_ERROR });

export const canarySchema = z.object({
  /** probability per running hour that a healthy canary starts to fail */
  failureHazard: share.default(0.002),
  /** relative latency increase of a failing canary */
  degradation: z.number().min(0).default(0.05),
  latencyMs: positive.default(100),
  /** standard deviation of one request's latency over its mean */
  latencyCv: positive.default(1),
  intervalsPerHour: integer(1).max(60).default(12),
  windowHours: integer(1).default(6),
  minimumHours: integer(1).default(1),
  alpha: z.number().gt(0).lt(1).default(0.001),
  minimumEffect: z.number().min(0).default(0.02),
  consecutiveFailures: integer(1).default(3),
  /** probability that a rolled-back canary comes back as a fixed version */
  requeueProbability: share.default(1),
  fixDelayHours: integer(0).default(24),
  maxFixes: integer(0).default(1),
}).strict();

export const scenarioSchema = z.object({
  /** row of the profile that is simulation hour 0 (the rows before it are the forecasts' history) */
  startHour: integer(0).default(336),
  /** arrivals come in hours [0, hours) */
  hours: integer(1),
  /** hours after the arrival window to let experiments finish; the run stops earlier once all are decided */
  drainHours: integer(0).default(1008),
  /** hours ahead every plan is made for */
  planningHorizonHours: integer(1).default(1008),
  /** the experiments there at hour 0: a set of the data source ("mid:10") or a JSON file */
  experiments: z.union([z.object({ set: z.string().regex(/^(low|mid|high):\d+$/, { error: 'expected RESS:SIZE, e.g. mid:10' }) }).strict(), z.object({ file: z.string().min(1) }).strict()]),
  arrivals: arrivalsSchema.default({ kind: 'none' }),
  forecast: forecastSchema.default({ kind: 'truth' }),
  /** a plan that ends before its experiment has its samples: extend it or end it under-powered */
  shortfall: z.enum(['extend', 'end']).default('extend'),
  canary: canarySchema.prefault({}),
  planner: z.object({
    algorithm: algorithmEntrySchema,
    /** re-plan every k hours; null: plan once (arrivals and extensions are inserted into the plan) */
    replanEveryHours: replanEverySchema.default(24),
    replanOnEvents: z.boolean().default(false),
    populationSize: integer(1).default(40),
  }).strict(),
}).strict();
export type Scenario = z.infer<typeof scenarioSchema>;

export const simulationConfigSchema = z.object({
  /** what makes npm run replicate run this file as a simulation study (harness/config/isSimulationConfig) */
  kind: z.literal('simulation', { error: 'expected "simulation" (a config of trial studies has "studies" instead)' }).optional(),
  description: z.string().default(''),
  note: z.string().optional(),
  /** "builtin", "fenrir:<folder>" or "fenrir-if-present" (where the profile and the experiment sets come from) */
  data: z.string().default('builtin'),
  /** a profile CSV instead of the data source's profile */
  profile: z.string().optional(),
  baseSeed: z.number().int({ error: 'must be an integer' }),
  repetitions: integer(1),
  scenario: scenarioSchema,
  /** lists of values tried for some settings of the scenario; every combination runs */
  sweep: z.object({
    forecasts: z.array(forecastSchema).min(1).optional(),
    arrivalsPerDay: z.array(z.number().min(0).max(240)).min(1).optional(),
    failureHazards: z.array(share).min(1).optional(),
    replanEveryHours: z.array(replanEverySchema).min(1).optional(),
    replanOnEvents: z.array(z.boolean()).min(1).optional(),
    algorithms: z.array(algorithmEntrySchema).min(1).optional(),
  }).strict().default({}),
}).strict();
export type SimulationConfig = z.infer<typeof simulationConfigSchema> & { name: string };

export interface LoadedSimulationConfig {
  readonly config: SimulationConfig;
  readonly text: string;
  readonly sha256: string;
  readonly path: string;
}

export function loadSimulationConfig(path: string): LoadedSimulationConfig {
  const text = readText(path);
  return { ...parseSimulationConfig(text, path), text, path };
}

/** Parses and validates a simulation config; algorithm names and parameters are checked against the registry. */
export function parseSimulationConfig(text: string, source: string): { config: SimulationConfig; sha256: string } {
  const raw = parseJson(text, source);
  const result = simulationConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(source, formatPath(issue.path), issue.message);
  }
  const config: SimulationConfig = { ...result.data, name: basename(source).replace(/\.json$/i, '') };
  checkAlgorithm(source, 'scenario.planner.algorithm', config.scenario.planner.algorithm);
  config.sweep.algorithms?.forEach((entry, i) => checkAlgorithm(source, `sweep.algorithms[${i}]`, entry));
  const labels = (config.sweep.algorithms ?? []).map(labelOf);
  const duplicate = labels.find((label, i) => labels.indexOf(label) !== i);
  if (duplicate) throw new InputError(source, 'sweep.algorithms', `two entries are named "${duplicate}": give one a "label"`);
  return { config, sha256: createHash('sha256').update(text).digest('hex') };
}

export const labelOf = (entry: AlgorithmEntry): string => entry.label ?? entry.name;

function checkAlgorithm(source: string, where: string, entry: AlgorithmEntry): void {
  if (!algorithmNames().includes(entry.name)) {
    throw new InputError(source, `${where}.name`, `unknown algorithm "${entry.name}" (known: ${algorithmNames().join(', ')})`);
  }
  const parsed = getAlgorithm(entry.name).paramsSchema.safeParse(entry.params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(source, `${where}.params${issue.path.length ? `.${formatPath(issue.path)}` : ''}`, issue.message);
  }
}
