/**
 * The heap as the host walks (walk.ts) see it after a run: read back in
 * blocks, lazily, so that a small normal form costs a few blocks and not a
 * copy of the whole used heap.
 */
import { varTo } from "@hvm/ir";

/** Readback blocks: 2^16 slots (256 KiB). */
export const READ_BLOCK_SHIFT = 16;
/** Walk passes that fetch the blocks they missed before the whole used heap is fetched at once. */
const LAZY_PASSES = 6;

/**
 * The heap as the host walks see it. A walk runs against the blocks read so
 * far; a slot in a block not read yet reads as an empty cell (the walk stops
 * there) and is remembered, and the walk is run again once those blocks are
 * fetched (all in one round trip). After LAZY_PASSES passes the rest of the
 * used heap is fetched at once. A result like `#0` costs one block, not a
 * copy of a 1 GiB heap.
 */
export class HeapView {
  private readonly blocks = new Map<number, Uint32Array>();
  private readonly missing = new Set<number>();
  private passes = 0;
  readonly get: (slot: number) => number;

  constructor(
    readonly slots: number,
    private readonly shift: number,
    /** Copies slot ranges [first, first + n), each within one heap binding, to the host in one round trip. */
    private readonly read: (ranges: ReadonlyArray<[number, number]>) => Promise<Uint32Array[]>,
  ) {
    const mask = 2 ** shift - 1;
    this.get = (slot: number): number => {
      if (slot >= this.slots) return 0;
      const block = this.blocks.get(slot >>> this.shift);
      if (block === undefined) {
        this.missing.add(slot >>> this.shift);
        return varTo(slot);
      }
      return block[slot & mask];
    };
  }

  /** Run a walk until it read only fetched blocks; its result (or error) then stands. */
  async walk<T>(f: (get: (slot: number) => number) => T): Promise<T> {
    for (;;) {
      this.missing.clear();
      let result: T | undefined;
      let error: unknown;
      try {
        result = f(this.get);
      } catch (e) {
        error = e;
      }
      if (this.missing.size === 0) {
        if (error !== undefined) throw error;
        return result as T;
      }
      this.passes++;
      await this.fetch(this.passes > LAZY_PASSES ? this.allBlocks() : [...this.missing]);
    }
  }

  /** Slots not NULL in the whole used heap (fetches it). */
  async live(): Promise<number> {
    await this.fetch(this.allBlocks());
    let n = 0;
    for (const block of this.blocks.values()) {
      for (let i = 0; i < block.length; i++) if (block[i] !== 0) n++;
    }
    return n;
  }

  private allBlocks(): number[] {
    const all: number[] = [];
    for (let b = 0; b << this.shift < this.slots; b++) if (!this.blocks.has(b)) all.push(b);
    return all;
  }

  private async fetch(ids: readonly number[]): Promise<void> {
    const size = 2 ** this.shift;
    const ranges = ids.map((b): [number, number] => [b * size, Math.min(size, this.slots - b * size)]);
    const data = await this.read(ranges);
    ids.forEach((b, i) => this.blocks.set(b, data[i]));
  }
}
