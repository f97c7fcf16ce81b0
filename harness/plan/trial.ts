import type { ReschedulingPopulationName } from '../../algorithms/rescheduling/reschedule.js';
import type { RunBudget } from '../../algorithms/termination.js';
import type { SetName } from '../config/studyConfig.js';
import { kindOfName, type StudyKind } from '../config/studyKinds.js';

/** The re-scheduling scenario of a re-evaluation trial (spec §10). */
export interface TrialRestart {
  readonly hour: number;
  readonly discardIds: readonly number[];
  /** used only when the data source has no saved schedule: how to compute one */
  readonly baseSchedule: {
    readonly algorithm: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly seed: number;
  };
  /** how the run starts (reschedule.ts); absent = `sound`, so the trials of earlier plans keep their fingerprints */
  readonly population?: Exclude<ReschedulingPopulationName, 'sound'>;
}

/**
 * One run of one algorithm on one experiment set: everything a worker needs, and nothing that
 * depends on other trials. Trials of the same study, RESS, size and repetition share
 * `populationSeed`, so they all start from the same sampled population (the paper's fairness set-up).
 */
export interface Trial {
  /** stable id, e.g. `scaling/genetic/mid/n30/r3` (grid trials add a segment: `calibration/genetic/populationSize40-generations90/mid/n25/r1`) */
  readonly id: string;
  /** position in plan order (trials.csv is sorted by it) */
  readonly index: number;
  /** the study's name (free; it starts the id and the population seed) */
  readonly study: string;
  /**
   * the study's kind, set only when the name is not a kind (so the trials of configs written
   * before kinds existed keep their fingerprints and journals stay resumable): read it with `trialKind`
   */
  readonly kind?: StudyKind;
  /** the registered algorithm that runs */
  readonly algorithm: string;
  /** the config entry's label when it has one (trial ids, trials.csv's algorithm column and tables use it) */
  readonly label?: string;
  /** complete parameters (the algorithm's defaults filled in) */
  readonly params: Readonly<Record<string, unknown>>;
  /** a grid trial's swept parameters and their values (absent outside grids) */
  readonly grid?: Readonly<Record<string, number>>;
  readonly experiments: number;
  /** the set: a RESS variant (low, mid, high) or a benchmark set (bench/<family>/<level>) */
  readonly ress: SetName;
  /** 1-based */
  readonly repetition: number;
  /** the algorithm's own stream: deriveSeed(baseSeed, id) */
  readonly seed: number;
  /** the shared initial population: deriveSeed(baseSeed, `<study>/<ress>/n<size>/r<rep>`) */
  readonly populationSeed: number;
  /** size of the shared initial population; 0 = none shared (benchmark: each algorithm samples its own start) */
  readonly initialPopulationSize: number;
  /** set only when not the published sampler (so the trials of earlier plans keep their fingerprints) */
  readonly sampler?: 'robust';
  /**
   * priorities of the scaled experiment sets: deriveSeed(baseSeed, `experiments/<ress>`), one per
   * RESS so sets stay nested; a benchmark set takes its base RESS's seed, so its instances have
   * the priorities of the paper set they transform
   */
  readonly experimentSetSeed: number;
  /** the study's equal budget (evaluations / wall time), when it has one */
  readonly budget?: RunBudget;
  readonly restart?: TrialRestart;
}

/**
 * The cell of a trial: its id without the repetition (`scaling/genetic/mid/n30/r3` →
 * `scaling/genetic/mid/n30`) — one study × algorithm label × grid point × set × size, whose
 * repetitions are the runs a table summarises.
 */
export function cellOf(trialId: string): string {
  return trialId.replace(/\/r\d+$/, '');
}

/** A trial's study kind: its own, else its study's name (which is then a kind: the config schema makes sure). */
export function trialKind(trial: Pick<Trial, 'study' | 'kind'>): StudyKind {
  const kind = trial.kind ?? kindOfName(trial.study);
  if (kind === undefined) throw new Error(`trial of study "${trial.study}" has no kind`);
  return kind;
}
