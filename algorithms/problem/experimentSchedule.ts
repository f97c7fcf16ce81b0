/**
 * The schedule of one experiment: a start hour and `duration` consecutive hourly assignments.
 * Assignment `offset` covers hour `start + offset`. Per offset it stores the set of user
 * groups present (a bit mask; a group may be present with fraction 0, as in the original
 * tool) and every group's fraction in whole per-mille (the original tool rounds fractions
 * up to 0.001; integers make capacity sums exact and incremental updates drift-free).
 *
 * Individuals share unchanged schedules (copy-on-write, see Individual): `holders` counts the
 * individuals that hold this one. Only an individual's `beginEdit(e)` may hand out a schedule
 * for writing, and it first makes a private copy when `holders > 1`.
 */
export class ExperimentSchedule {
  start = 0;
  duration = 0;
  /** groupMask[offset]: bit g set when group g is present in that hour */
  groupMask: Uint32Array;
  /** permille[offset * groupCount + g], 0…65535 (values above 1000 are over capacity by definition) */
  permille: Uint16Array;
  /** individuals holding this schedule (0: free, or not held by any individual) */
  holders = 0;

  constructor(
    readonly groupCount: number,
    capacity = 16,
  ) {
    const rounded = capacityFor(capacity);
    this.groupMask = new Uint32Array(rounded);
    this.permille = new Uint16Array(rounded * groupCount);
  }

  get end(): number {
    return this.start + this.duration;
  }

  /** Hours of assignments this schedule can hold without growing. */
  get capacity(): number {
    return this.groupMask.length;
  }

  /** Bytes of its two tables (for the schedule pool's accounting). */
  get bytes(): number {
    return this.groupMask.byteLength + this.permille.byteLength;
  }

  /** Makes room for `duration` hours, keeping the current assignments. */
  reserve(duration: number): void {
    if (duration <= this.groupMask.length) return;
    // grow by at least an eighth: repeated extends stay amortised O(1) per hour, with less slack than doubling
    const capacity = capacityFor(Math.max(duration, this.groupMask.length + (this.groupMask.length >>> 3)));
    const mask = new Uint32Array(capacity);
    mask.set(this.groupMask.subarray(0, this.duration));
    const permille = new Uint16Array(capacity * this.groupCount);
    permille.set(this.permille.subarray(0, this.duration * this.groupCount));
    this.groupMask = mask;
    this.permille = permille;
  }

  /** Resets to an empty schedule of `duration` hours starting at `start`. */
  reset(start: number, duration: number): void {
    this.reserve(duration);
    this.start = start;
    this.duration = duration;
    this.groupMask.fill(0, 0, duration);
    this.permille.fill(0, 0, duration * this.groupCount);
  }

  fractionPermille(offset: number, group: number): number {
    return this.permille[offset * this.groupCount + group];
  }

  setGroup(offset: number, group: number, permille: number): void {
    this.groupMask[offset] |= 1 << group;
    this.permille[offset * this.groupCount + group] = permille;
  }

  removeGroup(offset: number, group: number): void {
    this.groupMask[offset] &= ~(1 << group);
    this.permille[offset * this.groupCount + group] = 0;
  }

  copyFrom(other: ExperimentSchedule): void {
    if (other === this) return;
    // no reserve(): its copy of the old hours would be wasted, they are all overwritten
    if (other.duration > this.groupMask.length) {
      const capacity = capacityFor(other.duration);
      this.groupMask = new Uint32Array(capacity);
      this.permille = new Uint16Array(capacity * this.groupCount);
    }
    this.start = other.start;
    this.duration = other.duration;
    this.groupMask.set(other.groupMask.subarray(0, other.duration));
    this.permille.set(other.permille.subarray(0, other.duration * this.groupCount));
  }

  clone(): ExperimentSchedule {
    const copy = new ExperimentSchedule(this.groupCount, Math.max(this.duration, 1));
    copy.copyFrom(this);
    return copy;
  }
}

/**
 * Schedule capacities come in size classes 16, 32, …, each about 1/8 above the previous one (at
 * least 16 hours): a freed schedule can be reused for any schedule of its class or smaller, and a
 * table is at most ~12.5 % (or 16 hours) larger than what it holds.
 */
export function capacityFor(hours: number): number {
  let capacity = 16;
  while (capacity < hours) capacity += Math.max(16, capacity >>> 3);
  return capacity;
}

/** Index of the size class of `capacity` (a value of capacityFor): 0 for 16, 1 for 32, … */
export function capacityClassOf(capacity: number): number {
  let size = 16;
  let index = 0;
  while (size < capacity) {
    size += Math.max(16, size >>> 3);
    index++;
  }
  return index;
}
