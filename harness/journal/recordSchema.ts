import { z } from 'zod';
import { isSetName } from '../../datasets/experimentSets.js';
import { isStudyKind, STUDY_KINDS, STUDY_NAME_PATTERN } from '../config/studyKinds.js';

/**
 * The shape of one journal record (TrialRecord), checked on every read: a record that parses as
 * JSON but lacks a field, or has one of the wrong type, is reported with the field's path
 * instead of failing later with a TypeError. Objects are loose (a field added later is not an
 * error; the checksum covers it), but every known field is type-checked.
 */
const integer = z.number().int();
const finite = z.number().finite();

const trialSchema = z.object({
  id: z.string().min(1),
  index: integer.min(0),
  study: z.string().regex(STUDY_NAME_PATTERN),
  /** absent when the study's name is its kind (every record written before kinds existed) */
  kind: z.enum(STUDY_KINDS).optional(),
  algorithm: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  grid: z.record(z.string(), finite).optional(),
  experiments: integer.min(1),
  /** a RESS variant or a benchmark set (bench/<family>/<level>) */
  ress: z.string().refine(isSetName, { message: 'not a known set (low, mid, high or bench/<family>/<level>)' }),
  repetition: integer.min(1),
  seed: integer,
  populationSeed: integer,
  /** 0: no shared population (benchmark trials) */
  initialPopulationSize: integer.min(0),
  experimentSetSeed: integer,
  restart: z.object({
    hour: integer.min(0),
    discardIds: z.array(integer),
    baseSchedule: z.object({ algorithm: z.string(), params: z.record(z.string(), z.unknown()), seed: integer }).loose(),
  }).loose().optional(),
}).loose().refine((trial) => trial.kind !== undefined || isStudyKind(trial.study), {
  message: `a study whose name is not a kind (${STUDY_KINDS.join(', ')}) needs "kind"`,
  path: ['kind'],
});

const measurementsSchema = z.object({
  fitness: finite,
  durationScore: finite,
  userGroupScore: finite,
  startScore: finite,
  valid: z.boolean(),
  evaluations: integer.min(0),
  crossovers: integer.min(0),
  mutations: integer.min(0),
  invalidCandidates: integer.min(0),
  /** the instance's certified upper bound (absent in records of older versions) */
  upperBound: finite.optional(),
}).loose();

export const codeVersionSchema = z.object({
  sources: z.string().regex(/^[0-9a-f]{16}$/),
  commit: z.string().nullable(),
  dirty: z.boolean().nullable(),
  schedlab: z.string(),
}).loose();

export const trialRecordSchema = z.object({
  trial: trialSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  data: z.string().min(1),
  measurements: measurementsSchema.optional(),
  runtimeMs: z.number().finite().min(0),
  /** [step, fitness, D, U, S, …] (later columns may be added) */
  trace: z.array(z.array(finite).min(5)),
  error: z.string().optional(),
  finishedAt: z.string().datetime(),
  /** absent only in journals written before code versions were recorded */
  codeVersion: codeVersionSchema.optional(),
}).loose().refine((record) => (record.measurements === undefined) !== (record.error === undefined), {
  message: 'a record has either measurements (a finished trial) or an error (a failed one)',
  path: ['measurements'],
});
