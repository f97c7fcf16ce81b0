import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AlgorithmResult } from '../../algorithms/algorithm.js';
import type { RunBudget } from '../../algorithms/termination.js';
import type { TimeFrame } from '../../algorithms/problem/scheduleFormat.js';
import { REPO_ROOT } from '../../datasets/fenrirLocation.js';
import { gitState } from '../output/manifest.js';

let version: string | undefined;

/** schedlab's version from package.json. */
export function schedlabVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? 'unknown';
  }
  return version;
}

export interface RunRecordInput {
  readonly algorithm: string;
  readonly params: unknown;
  /** the run's evaluation / wall-time budget, when one was given */
  readonly budget?: RunBudget;
  readonly seed: number;
  /** how random individuals were sampled */
  readonly sampler: string;
  readonly inputs: Record<string, unknown>;
  readonly experimentCount: number;
  readonly profileHours: number;
  readonly result: AlgorithmResult;
  readonly timings: { readonly setupMs: number; readonly runMs: number };
  readonly files: readonly string[];
  /** re-scheduling only */
  readonly rescheduling?: { readonly atHour: number; readonly timeFrame: TimeFrame };
}

/** What run.json says about the hours of a re-scheduled run's files. */
export function timeFrameRecord(rescheduling: { atHour: number; timeFrame: TimeFrame }) {
  const { atHour, timeFrame } = rescheduling;
  return {
    frame: timeFrame,
    restartHour: atHour,
    note: timeFrame === 'original'
      ? `hours in schedule.json, consumption.csv and gantt.txt are hours of the profile (all ≥ ${atHour}); the start score counts from hour ${atHour}`
      : `hours in schedule.json, consumption.csv and gantt.txt count from the re-scheduling hour: hour h is hour h + ${atHour} of the profile`,
  };
}

/** run.json: what was run, on what, with which outcome, by which version — enough to rerun it. */
export function formatRunRecord(input: RunRecordInput): string {
  const { best, counters, trace } = input.result;
  const record = {
    algorithm: input.algorithm,
    params: input.params,
    ...(input.budget ? { budget: input.budget } : {}),
    seed: input.seed,
    sampler: input.sampler,
    inputs: { ...input.inputs, experimentCount: input.experimentCount, profileHours: input.profileHours },
    ...(input.rescheduling ? { timeFrame: timeFrameRecord(input.rescheduling) } : {}),
    valid: best.valid,
    fitness: {
      durationScore: best.durationScore,
      userGroupScore: best.userGroupScore,
      startScore: best.startScore,
      fitness: best.fitness,
    },
    steps: trace.length - 1,
    ...(input.result.stoppedBy ? { stoppedBy: input.result.stoppedBy } : {}),
    counters,
    timings: { setupMs: round(input.timings.setupMs), runMs: round(input.timings.runMs) },
    files: input.files,
    schedlab: schedlabVersion(),
    git: gitState(),
    node: process.version,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The run record as an object (what `schedule --json` prints and run.json holds). */
export const runRecordObject = (input: RunRecordInput): Record<string, unknown> => JSON.parse(formatRunRecord(input)) as Record<string, unknown>;

const round = (ms: number): number => Math.round(ms * 10) / 10;
