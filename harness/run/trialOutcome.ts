import type { CodeVersion } from '../journal/codeVersion.js';
import type { StopReason } from '../../algorithms/termination.js';
import type { InstanceHardness } from '../../datasets/benchmark/instanceHardness.js';
import type { Trial } from '../plan/trial.js';

/**
 * One point of a convergence curve as journaled: [step, fitness, durationScore, userGroupScore,
 * startScore, evaluations, elapsedMs] (cumulative evaluations and wall time since the run began;
 * journals of older versions hold only the first five).
 */
export type TraceRow = readonly [number, number, number, number, number, number?, number?];

/** What a finished run measured (absent when the trial failed). */
export interface TrialMeasurements {
  readonly fitness: number;
  readonly durationScore: number;
  readonly userGroupScore: number;
  readonly startScore: number;
  readonly valid: boolean;
  readonly evaluations: number;
  readonly crossovers: number;
  readonly mutations: number;
  readonly invalidCandidates: number;
  /** certified upper bound on F of the trial's problem (algorithms/bounds); absent in journals of older versions */
  readonly upperBound?: number;
  /** which limit ended the run (own steps, target, evaluation or time budget) */
  readonly stoppedBy?: StopReason;
  /** the instance's hardness figures (journals of older versions lack them) */
  readonly hardness?: InstanceHardness;
}

/** What a worker hands back for one trial. */
export interface TrialOutcome {
  readonly trialId: string;
  readonly measurements?: TrialMeasurements;
  /** wall time of sampling the initial population plus the algorithm run */
  readonly runtimeMs: number;
  /** the convergence curve, run-length compressed (see compactTrace) */
  readonly trace: readonly TraceRow[];
  /** one line; set when the trial failed */
  readonly error?: string;
  /** the best schedule in the replication package's file format (written to best/, not journaled) */
  readonly bestSchedule?: string;
}

/**
 * One line of journal.jsonl: the trial as planned, where its data came from, and its outcome.
 * The journal is the raw record every output (trials.csv, traces.csv, tables) is derived from.
 */
export interface TrialRecord {
  readonly trial: Trial;
  /** identifies the planned trial's definition: a record only counts for a plan whose trial has the same fingerprint */
  readonly fingerprint: string;
  /** data source spec */
  readonly data: string;
  readonly measurements?: TrialMeasurements;
  readonly runtimeMs: number;
  readonly trace: readonly TraceRow[];
  readonly error?: string;
  readonly finishedAt: string;
  /** the code that computed it (absent in journals written before versions were recorded) */
  readonly codeVersion?: CodeVersion;
}
