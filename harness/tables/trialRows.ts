import { parse } from 'csv-parse/sync';
import { kindOfName } from '../config/studyKinds.js';

/** One row of trials.csv as the tables read it. */
export interface TrialRow {
  readonly trialId: string;
  readonly study: string;
  /** the study's kind: trials.csv's `kind`, or for files without the column the study's name when it is a kind ('' otherwise) */
  readonly kind: string;
  readonly algorithm: string;
  readonly experiments: number;
  readonly ress: string;
  readonly repetition: number;
  readonly population?: number;
  readonly generations?: number;
  readonly iterations?: number;
  /** a grid trial's setting, e.g. `maxMoveHours=72` (trials.csv of older versions lack the column) */
  readonly grid?: string;
  /** undefined for a failed trial */
  readonly fitness?: number;
  readonly durationScore?: number;
  readonly userGroupScore?: number;
  readonly startScore?: number;
  readonly valid?: boolean;
  readonly runtimeSeconds: number;
  readonly evaluations?: number;
  readonly error?: string;
  /** certified upper bound on F of the trial's instance (trials.csv of older versions lack the column) */
  readonly upperBound?: number;
  /** (upper bound − fitness) / upper bound */
  readonly gap?: number;
  /** which limit ended the run: steps, target, evaluations, time (older trials.csv lack the column) */
  readonly stoppedBy?: string;
  /** the instance's hardness figures (instanceHardness.ts) */
  readonly load?: number;
  readonly peakLoad?: number;
  readonly greedyAllAtZero?: boolean;
  readonly greedyFitness?: number;
  /** how a re-evaluation trial started: sound, as-published, paper-means-hypothesis (older trials.csv lack the column: sound) */
  readonly reschedulingPopulation?: string;
}

/** Parses trials.csv: the only input of every table (jMetalPy lab style). */
export function parseTrialRows(text: string): TrialRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record) => ({
    trialId: record.trial_id,
    study: record.study,
    kind: record.kind || (kindOfName(record.study) ?? ''),
    algorithm: record.algorithm,
    experiments: Number(record.experiments),
    ress: record.ress,
    repetition: Number(record.repetition),
    population: optionalNumber(record.population),
    generations: optionalNumber(record.generations),
    iterations: optionalNumber(record.iterations),
    grid: record.grid || undefined,
    fitness: optionalNumber(record.fitness),
    durationScore: optionalNumber(record.duration_score),
    userGroupScore: optionalNumber(record.user_group_score),
    startScore: optionalNumber(record.start_score),
    valid: record.valid === undefined || record.valid === '' ? undefined : record.valid === 'true',
    runtimeSeconds: Number(record.runtime_ms) / 1000,
    evaluations: optionalNumber(record.evaluations),
    error: record.error === '' ? undefined : record.error,
    upperBound: optionalNumber(record.upper_bound),
    gap: optionalNumber(record.gap),
    stoppedBy: record.stopped_by || undefined,
    load: optionalNumber(record.load),
    peakLoad: optionalNumber(record.peak_load),
    greedyAllAtZero: record.greedy_all_at_zero === undefined || record.greedy_all_at_zero === '' ? undefined : record.greedy_all_at_zero === 'true',
    greedyFitness: optionalNumber(record.greedy_fitness),
    reschedulingPopulation: record.rescheduling_population || ((record.kind || record.study) === 'reevaluation' ? 'sound' : undefined),
  }));
}

function optionalNumber(cell: string | undefined): number | undefined {
  return cell === undefined || cell === '' ? undefined : Number(cell);
}
