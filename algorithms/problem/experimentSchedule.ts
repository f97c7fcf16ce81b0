/**
 * The schedule of one experiment: a start hour and `duration` consecutive hourly assignments.
 * Assignment `offset` covers hour `start + offset`. Per offset it stores the set of user
 * groups present (a bit mask; a group may be present with fraction 0, as in the original
 * tool) and every group's fraction in whole per-mille (the original tool rounds fractions
 * up to 0.001; integers make capacity sums exact and incremental updates drift-free).
 */
export class ExperimentSchedule {
  start = 0;
  duration = 0;
  /** groupMask[offset]: bit g set when group g is present in that hour */
  groupMask: Uint32Array;
  /** permille[offset * groupCount + g], 0…65535 (values above 1000 are over capacity by definition) */
  permille: Uint16Array;

  constructor(
    readonly groupCount: number,
    capacity = 16,
  ) {
    this.groupMask = new Uint32Array(capacity);
    this.permille = new Uint16Array(capacity * groupCount);
  }

  get end(): number {
    return this.start + this.duration;
  }

  /** Makes room for `duration` hours, keeping the current assignments. */
  reserve(duration: number): void {
    if (duration <= this.groupMask.length) return;
    const capacity = Math.max(duration, this.groupMask.length * 2);
    const mask = new Uint32Array(capacity);
    mask.set(this.groupMask);
    const permille = new Uint16Array(capacity * this.groupCount);
    permille.set(this.permille);
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
    this.reserve(other.duration);
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

