import { capacityClassOf, capacityFor, ExperimentSchedule } from './experimentSchedule.js';
import type { Problem } from './problem.js';

/** Most bytes of free schedules a pool keeps for reuse; beyond that, freed schedules are left to the garbage collector. */
export const SCHEDULE_POOL_BYTES = 64 * 1024 * 1024;

/**
 * Free experiment schedules of one problem, by size class, for reuse: copy-on-write editing
 * (Individual.beginEdit) takes its private copies from here and individuals give back the
 * schedules no individual holds any more, so the search loop does not allocate in steady state.
 */
export class SchedulePool {
  private readonly free: ExperimentSchedule[][] = [];
  private pooledBytes = 0;

  constructor(
    readonly groupCount: number,
    readonly maxBytes = SCHEDULE_POOL_BYTES,
  ) {}

  /** A schedule with room for `duration` hours and no holders (contents undefined). */
  take(duration: number): ExperimentSchedule {
    const stack = this.free[capacityClassOf(capacityFor(duration))];
    const schedule = stack?.pop();
    if (schedule === undefined) return new ExperimentSchedule(this.groupCount, duration);
    this.pooledBytes -= schedule.bytes;
    return schedule;
  }

  /** Returns a schedule that no individual holds any more. */
  give(schedule: ExperimentSchedule): void {
    if (schedule.holders !== 0) throw new Error('a schedule still held by an individual cannot be pooled');
    if (schedule.groupCount !== this.groupCount || this.pooledBytes + schedule.bytes > this.maxBytes) return;
    // capacities are size-class values (ExperimentSchedule rounds them), so the class fits exactly
    const index = capacityClassOf(schedule.capacity);
    (this.free[index] ??= []).push(schedule);
    this.pooledBytes += schedule.bytes;
  }

  /** Bytes of the free schedules kept (for tests and measurements). */
  get bytes(): number {
    return this.pooledBytes;
  }
}

const pools = new WeakMap<Problem, SchedulePool>();

/** The pool shared by every individual of `problem` (created on first use; dropped with the problem). */
export function schedulePoolOf(problem: Problem): SchedulePool {
  let pool = pools.get(problem);
  if (pool === undefined) {
    pool = new SchedulePool(problem.profile.groups.length);
    pools.set(problem, pool);
  }
  return pool;
}
