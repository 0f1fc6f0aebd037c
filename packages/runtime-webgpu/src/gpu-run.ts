/**
 * One run on the GPU: its buffers and bind groups, the upload of the booted
 * net, batches of rounds (reduce + between, direct dispatches) with the
 * status readback, expansion jobs for the normal-form walk, and the heap as
 * the host walks read it.
 */
import { RULE_CLASSES, emptyByRule, varTo } from "@hvm/ir";
import type { Driver } from "./driver.js";
import { GpuError } from "./errors.js";
import { HeapView, READ_BLOCK_SHIFT } from "./heap-view.js";
import { BAG_HEADER, CHUNK_NODES, type KernelConfig, type MemoryPlan, S_ACTIVE, S_BUSY, S_CURSOR, S_ERR, S_ERR_A, S_ERR_B, S_MAXSTEPS, S_PROBES, S_SHARED, S_PUSHED, S_RETRIED, S_SPILLED, S_SPREAD, S_SWEPT, S_SPREAD_ROUNDS, S_SPLIT, loneWorkgroups, windowSize } from "./layout.js";
import type { Pipelines } from "./pipelines.js";
import { type Counters, emptyProfile } from "./profile.js";

/** Words of the state buffer read after each batch (the two bags' counts follow them). */
export const STATUS_WORDS = 32;

export interface Status extends Counters {
  byRule: Record<(typeof RULE_CLASSES)[number], number>;
  error: number;
  tagA: number;
  tagB: number;
  cursor: number;
  /** The next round's spread (log2), and spread rounds so far. */
  spread: number;
  spreadRounds: number;
}

/**
 * The buffers of a memory plan that do not depend on the book: state, redex
 * bags, heap, status staging. The driver keeps the last
 * set between runs (cleared at the start of the next run that takes it), so
 * a second run of the same shape neither allocates nor zeroes a fresh heap.
 */
export interface RunBuffers {
  readonly key: string;
  readonly state: GPUBuffer;
  readonly bags: GPUBuffer[];
  readonly heaps: GPUBuffer[];
  readonly staging: GPUBuffer;
}

export function destroyRunBuffers(b: RunBuffers): void {
  for (const x of [b.state, ...b.bags, ...b.heaps, b.staging]) x.destroy();
}

/** The buffers and bind groups of one run. */
export class GpuRun {
  private readonly buffers: GPUBuffer[] = [];
  shared: RunBuffers | undefined;
  state!: GPUBuffer;
  bookBuf!: GPUBuffer;
  bags: GPUBuffer[] = [];
  heaps: GPUBuffer[] = [];
  staging!: GPUBuffer;
  groups: GPUBindGroup[] = [];
  /** The bag holding the pending redexes. */
  parity = 0;
  /** Whether the next batch dispatches the lone pipeline, and what S_SPLIT holds. */
  private lone = false;
  private split = false;
  private spreadRounds = 0;
  /** Rounds dispatched with the lone pipeline so far. */
  loneRounds = 0;

  constructor(
    readonly device: GPUDevice,
    readonly plan: MemoryPlan,
    readonly pipes: Pipelines,
    readonly kernel: KernelConfig,
    readonly book: Uint32Array,
  ) {}

  private buffer(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    const b = this.device.createBuffer({ label, size: Math.ceil(size / 4) * 4, usage });
    this.buffers.push(b);
    return b;
  }

  /** Create the book's buffer and the bind groups; the plan's buffers are `reuse` (cleared here) or new (zero). */
  async create(key: string, reuse?: RunBuffers): Promise<void> {
    const d = this.device;
    const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    d.pushErrorScope("out-of-memory");
    d.pushErrorScope("validation");
    const mk = (label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer => d.createBuffer({ label, size: Math.ceil(size / 4) * 4, usage });
    this.shared = reuse ?? {
      key,
      state: mk("hvm-state", this.plan.stateWords * 4, S),
      bags: [0, 1].map((i) => mk(`hvm-bag${i}`, (BAG_HEADER + 2 * this.plan.bagCapacity) * 4, S)),
      heaps: this.plan.heapBufferBytes.map((bytes, i) => mk(`hvm-heap${i}`, bytes, S)),
      staging: mk("hvm-status", (STATUS_WORDS + 2) * 4, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
    };
    const b = this.shared;
    ({ state: this.state, bags: this.bags, heaps: this.heaps, staging: this.staging } = b);
    if (reuse) {
      const enc = d.createCommandEncoder({ label: "hvm-clear" });
      for (const buf of [this.state, ...this.bags, ...this.heaps]) enc.clearBuffer(buf);
      d.queue.submit([enc.finish()]);
    }
    this.bookBuf = this.buffer("hvm-book", this.book.byteLength, S);
    const heapEntries = this.heaps.map((buffer, i) => ({ binding: 4 + i, resource: { buffer } }));
    this.groups = [0, 1].map((i) =>
      d.createBindGroup({
        layout: this.pipes.main,
        entries: [
          { binding: 0, resource: { buffer: this.state } },
          { binding: 1, resource: { buffer: this.bookBuf } },
          { binding: 2, resource: { buffer: this.bags[i] } },
          { binding: 3, resource: { buffer: this.bags[1 - i] } },
          ...heapEntries,
        ],
      }),
    );
    const validation = await d.popErrorScope();
    const memory = await d.popErrorScope();
    if (memory || validation) {
      if (!reuse) destroyRunBuffers(b);
      this.shared = undefined;
      if (memory) throw new GpuError(`allocating ${this.plan.heapBufferBytes.reduce((a, b) => a + b, 0)} bytes of heap`, `${memory.message}; lower --memory`);
      throw new GpuError("creating buffers", validation!.message);
    }
  }

  /** Write the booted heap, the entry's redexes and the allocator start. */
  upload(slots: Uint32Array, redexes: Uint32Array, usedChunks: number): void {
    const q = this.device.queue;
    q.writeBuffer(this.bookBuf, 0, this.book as Uint32Array<ArrayBuffer>);
    this.writeSlots(0, slots);
    q.writeBuffer(this.state, S_CURSOR * 4, new Uint32Array([0, usedChunks]));
    q.writeBuffer(this.state, this.plan.ownerBase * 4, new Uint32Array([1]));
    this.writeBag(redexes, usedChunks);
  }

  private writeSlots(first: number, data: Uint32Array): void {
    const per = 2 ** this.plan.bindingShift;
    let done = 0;
    while (done < data.length) {
      const slot = first + done;
      const b = Math.floor(slot / per);
      const within = slot - b * per;
      const n = Math.min(data.length - done, per - within);
      this.device.queue.writeBuffer(this.heaps[b], within * 4, data as Uint32Array<ArrayBuffer>, done, n);
      done += n;
    }
  }

  /** Put `redexes` in the bag of the next round (`active`: chunks handed out so far). */
  private writeBag(redexes: Uint32Array, active: number): void {
    const q = this.device.queue;
    const n = redexes.length / 2;
    const w = windowSize(n, active, this.plan, this.kernel);
    const bag = new Uint32Array(BAG_HEADER + redexes.length);
    bag[0] = n;
    bag[1] = n - w;
    bag.set(redexes, BAG_HEADER);
    q.writeBuffer(this.bags[this.parity], 0, bag);
    q.writeBuffer(this.state, S_SPREAD * 4, new Uint32Array([0]));
  }

  emptyStatus(): Status {
    return { total: 0, byRule: emptyByRule(), error: 0, tagA: 0, tagB: 0, cursor: 0, active: 0, pending: 0, ...emptyProfile(), busy: 0, maxSteps: 0, spread: 0, spreadRounds: 0 };
  }

  /**
   * Encode `rounds` rounds, submit, and read the status block (`perRound`:
   * busy/maxSteps of this batch alone). A batch dispatches the lone
   * pipeline before each round's main one only when the batch before it
   * ran a spread round or ended with one coming: a round of a batch
   * without it is run by the main pipeline whatever its spread, and a
   * batch with it pays an extra dispatch a round (~5 us on an H200:
   * docs/webgpu.md, session 16).
   */
  async batch(rounds: number, driver: Driver, perRound = false): Promise<Status> {
    const d = this.device;
    if (perRound) d.queue.writeBuffer(this.state, S_BUSY * 4, new Uint32Array([0, 0]));
    if (this.lone !== this.split) {
      d.queue.writeBuffer(this.state, S_SPLIT * 4, new Uint32Array([this.lone ? 1 : 0]));
      this.split = this.lone;
    }
    d.pushErrorScope("validation");
    const enc = d.createCommandEncoder({ label: "hvm-batch" });
    const pass = enc.beginComputePass();
    for (let r = 0; r < rounds; r++) {
      pass.setBindGroup(0, this.groups[this.parity]);
      if (this.pipes.lone && this.lone) {
        pass.setPipeline(this.pipes.lone);
        pass.dispatchWorkgroups(loneWorkgroups(this.kernel));
        this.loneRounds++;
      }
      pass.setPipeline(this.pipes.reduce);
      pass.dispatchWorkgroups(this.kernel.maxWorkgroups);
      pass.setPipeline(this.pipes.between);
      pass.dispatchWorkgroups(1);
      this.parity ^= 1;
    }
    pass.end();
    enc.copyBufferToBuffer(this.state, 0, this.staging, 0, STATUS_WORDS * 4);
    enc.copyBufferToBuffer(this.bags[this.parity], 0, this.staging, STATUS_WORDS * 4, 4);
    enc.copyBufferToBuffer(this.bags[1 - this.parity], 0, this.staging, (STATUS_WORDS + 1) * 4, 4);
    d.queue.submit([enc.finish()]);
    const err = await d.popErrorScope();
    if (err) throw new GpuError("submitting a batch", err.message);
    const w = await this.map(this.staging, driver);
    this.lone = this.pipes.lone !== undefined && (w[S_SPREAD] !== 0 || w[S_SPREAD_ROUNDS] !== this.spreadRounds);
    this.spreadRounds = w[S_SPREAD_ROUNDS];
    const byRule = emptyByRule();
    let total = 0;
    RULE_CLASSES.forEach((name, c) => {
      const v = w[2 * c] + w[2 * c + 1] * 2 ** 32;
      byRule[name] = v;
      total += v;
    });
    return {
      total,
      byRule,
      error: w[S_ERR],
      tagA: w[S_ERR_A],
      tagB: w[S_ERR_B],
      cursor: w[S_CURSOR],
      active: w[S_ACTIVE],
      pending: w[STATUS_WORDS] + w[STATUS_WORDS + 1],
      swept: w[S_SWEPT],
      probes: w[S_PROBES],
      shared: w[S_SHARED],
      spilled: w[S_SPILLED],
      retried: w[S_RETRIED],
      pushed: w[S_PUSHED],
      busy: w[S_BUSY],
      maxSteps: w[S_MAXSTEPS],
      spread: w[S_SPREAD],
      spreadRounds: w[S_SPREAD_ROUNDS],
    };
  }

  private async map(buf: GPUBuffer, driver: Driver): Promise<Uint32Array> {
    await this.mapOnly(buf, driver);
    const out = new Uint32Array(buf.getMappedRange().slice(0));
    buf.unmap();
    return out;
  }

  private async mapOnly(buf: GPUBuffer, driver: Driver): Promise<void> {
    try {
      await buf.mapAsync(GPUMapMode.READ);
    } catch (e) {
      driver.checkLost();
      throw new GpuError("reading results back", e instanceof Error ? e.message : String(e));
    }
  }

  /** The used part of the heap (chunks handed out so far), read back block by block as walks need it. */
  heapView(active: number, driver: Driver): HeapView {
    const slots = 2 * Math.min(this.plan.nodes, active * CHUNK_NODES);
    return new HeapView(slots, Math.min(READ_BLOCK_SHIFT, this.plan.bindingShift), (ranges) => this.readSlots(ranges, driver));
  }

  /** Copy slots [first, first + n) (within one binding) of each block to the host, one submit and one map. */
  async readSlots(ranges: ReadonlyArray<[number, number]>, driver: Driver): Promise<Uint32Array[]> {
    const per = 2 ** this.plan.bindingShift;
    const total = ranges.reduce((a, [, n]) => a + n, 0);
    const staging = this.device.createBuffer({ label: "hvm-readback", size: total * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    try {
      const enc = this.device.createCommandEncoder();
      let at = 0;
      for (const [first, n] of ranges) {
        const b = Math.floor(first / per);
        enc.copyBufferToBuffer(this.heaps[b], (first - b * per) * 4, staging, at * 4, n * 4);
        at += n;
      }
      this.device.queue.submit([enc.finish()]);
      const all = await this.map(staging, driver);
      const out: Uint32Array[] = [];
      at = 0;
      for (const [, n] of ranges) {
        out.push(all.subarray(at, at + n));
        at += n;
      }
      return out;
    } finally {
      staging.destroy();
    }
  }

  /** Turn each REF slot into an empty cell and queue REF ~ VR(slot) expansion jobs. */
  queueExpansions(refs: readonly number[], heap: (slot: number) => number, active: number): void {
    const pairs = new Uint32Array(2 * refs.length);
    refs.forEach((slot, i) => {
      pairs[2 * i] = heap(slot);
      pairs[2 * i + 1] = varTo(slot);
      this.writeSlots(slot, new Uint32Array([varTo(slot)]));
    });
    this.writeBag(pairs, active);
  }

  /** Destroy the run's own buffers (the book's, readbacks); the plan's buffers go back to the driver. */
  destroy(): void {
    for (const b of this.buffers) b.destroy();
  }
}
