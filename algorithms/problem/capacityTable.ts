import type { Problem } from './problem.js';

/** Hours per block of the capacity table (a power of two: the block of an hour is `hour >> BLOCK_SHIFT`). */
export const BLOCK_SHIFT = 6;
export const BLOCK_HOURS = 1 << BLOCK_SHIFT;

/** Most bytes of free blocks a pool keeps for reuse (the rest is left to the garbage collector). */
export const BLOCK_POOL_BYTES = 32 * 1024 * 1024;

/** BLOCK_HOURS × groups summed per-mille loads of one service; shared by the tables that hold it (copy-on-write). */
export class LoadBlock {
  /** tables holding this block */
  holders = 0;
  constructor(readonly load: Int32Array) {}
}

/** Free blocks of one problem, and its all-zero block (held by every table where nothing is scheduled). */
export class LoadBlockPool {
  readonly zero: LoadBlock;
  private readonly free: LoadBlock[] = [];

  constructor(readonly blockLength: number, readonly maxBlocks = Math.max(16, Math.floor(BLOCK_POOL_BYTES / (4 * blockLength)))) {
    this.zero = new LoadBlock(new Int32Array(blockLength));
    // never 0 or 1: the zero block is never written (writable() copies it) nor pooled
    this.zero.holders = 2 ** 30;
  }

  /** A block holding a copy of `source`'s loads, held once. */
  copyOf(source: LoadBlock): LoadBlock {
    const block = this.free.pop() ?? new LoadBlock(new Int32Array(this.blockLength));
    block.load.set(source.load);
    block.holders = 1;
    return block;
  }

  give(block: LoadBlock): void {
    if (this.free.length < this.maxBlocks) this.free.push(block);
  }
}

const pools = new WeakMap<Problem, LoadBlockPool>();

/** The block pool shared by every individual of `problem`. */
export function loadBlockPoolOf(problem: Problem): LoadBlockPool {
  let pool = pools.get(problem);
  if (pool === undefined) {
    pool = new LoadBlockPool(BLOCK_HOURS * problem.profile.groups.length);
    pools.set(problem, pool);
  }
  return pool;
}

/**
 * The capacity load of rule 5 — per service, hour and group, the summed per-mille of the
 * experiments placed — as blocks of BLOCK_HOURS hours. Blocks where nothing is scheduled are the
 * pool's shared zero block, and tables copied from one another share their blocks until one
 * writes (copy-on-write): memory grows with the hours an individual's experiments cover and with
 * what distinguishes it from the individual it was copied from, not with services × profile hours,
 * and a copy costs one pointer per block.
 *
 * Cell (service, hour, group) is `blocks[service · blocksPerService + (hour >> BLOCK_SHIFT)]
 * .load[(hour & (BLOCK_HOURS − 1)) · groups + group]`. Writers get a block through `writable`.
 */
export class CapacityTable {
  readonly blocks: LoadBlock[];
  readonly blocksPerService: number;

  constructor(
    readonly services: number,
    readonly hours: number,
    readonly groups: number,
    readonly pool: LoadBlockPool,
  ) {
    this.blocksPerService = Math.ceil(hours / BLOCK_HOURS);
    this.blocks = Array.from({ length: services * this.blocksPerService }, () => pool.zero);
    pool.zero.holders += this.blocks.length;
  }

  /** The loads of block `index`, private to this table (copied first if shared). */
  writable(index: number): Int32Array {
    const block = this.blocks[index];
    if (block.holders === 1) return block.load;
    const copy = this.pool.copyOf(block);
    this.blocks[index] = copy;
    this.release(block);
    return copy.load;
  }

  /** Summed per-mille of `group` for `service` at `hour` (inside the profile). */
  at(service: number, hour: number, group: number): number {
    return this.blocks[service * this.blocksPerService + (hour >> BLOCK_SHIFT)].load[(hour & (BLOCK_HOURS - 1)) * this.groups + group];
  }

  /**
   * The loads of the block holding `hour` of `service`, for reading only (it may be shared, or the
   * zero block): cell (hour, group) is at `(hour & (BLOCK_HOURS − 1)) · groups + group`. For loops
   * over many hours, which then fetch one block per BLOCK_HOURS hours.
   */
  blockOf(service: number, hour: number): Int32Array {
    return this.blocks[service * this.blocksPerService + (hour >> BLOCK_SHIFT)].load;
  }

  /** Makes this table equal to `other` by sharing its blocks. */
  copyFrom(other: CapacityTable): void {
    const mine = this.blocks;
    const theirs = other.blocks;
    for (let i = 0; i < mine.length; i++) {
      const block = theirs[i];
      const held = mine[i];
      if (block === held) continue;
      block.holders++;
      mine[i] = block;
      this.release(held);
    }
  }

  /** All loads 0 (every block the zero block). */
  clear(): void {
    const { zero } = this.pool;
    const mine = this.blocks;
    for (let i = 0; i < mine.length; i++) {
      const held = mine[i];
      if (held === zero) continue;
      zero.holders++;
      mine[i] = zero;
      this.release(held);
    }
  }

  /** The whole table, dense: `[(service · hours + hour) · groups + group]` (for reports and tests; O(services × hours)). */
  toDense(): Int32Array {
    const { groups, hours } = this;
    const dense = new Int32Array(this.services * hours * groups);
    for (let service = 0; service < this.services; service++) {
      for (let b = 0; b < this.blocksPerService; b++) {
        const block = this.blocks[service * this.blocksPerService + b];
        if (block === this.pool.zero) continue;
        const firstHour = b * BLOCK_HOURS;
        const length = Math.min(BLOCK_HOURS, hours - firstHour) * groups;
        dense.set(block.load.subarray(0, length), (service * hours + firstHour) * groups);
      }
    }
    return dense;
  }

  /** Every cell whose load exceeds `limit`, in service, hour, group order, until `visit` returns false. */
  forEachCellAbove(limit: number, visit: (service: number, hour: number, group: number, load: number) => boolean): void {
    const { groups, hours } = this;
    for (let service = 0; service < this.services; service++) {
      for (let b = 0; b < this.blocksPerService; b++) {
        const block = this.blocks[service * this.blocksPerService + b];
        if (block === this.pool.zero) continue;
        const cells = Math.min(BLOCK_HOURS, hours - b * BLOCK_HOURS) * groups;
        for (let cell = 0; cell < cells; cell++) {
          const load = block.load[cell];
          if (load > limit && !visit(service, b * BLOCK_HOURS + Math.floor(cell / groups), cell % groups, load)) return;
        }
      }
    }
  }

  /** Blocks this table holds that no other table holds (its own memory, for measurements). */
  get privateBlocks(): number {
    let count = 0;
    for (const block of this.blocks) if (block.holders === 1) count++;
    return count;
  }

  private release(block: LoadBlock): void {
    block.holders--;
    if (block.holders === 0) this.pool.give(block);
  }
}
