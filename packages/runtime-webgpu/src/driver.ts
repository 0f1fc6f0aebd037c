/**
 * The host loop: upload the booted net, encode batches of rounds
 * (reduce + between, indirect dispatch), read back only a small status
 * block after each batch, and when no redex is left read the heap, expand
 * the REFs the normal-form walk finds, and repeat until none is left.
 */
import {
  type CompiledBook,
  InteractionLimitError,
  NODE_BYTES,
  type Net,
  OutOfMemoryError,
  type Progress,
  RULE_CLASSES,
  type RunOptions,
  type RunStats,
  TAG_NAMES,
  Tag,
  TypeErrorPair,
  AbortedError,
  canonicalize,
  emptyByRule,
  varTo,
  DEFAULT_MEMORY,
  ROOT_SLOT,
} from "@hvm/ir";
import { bootEntry, encodeBook } from "./book.js";
import { DeviceLostError, GpuError, RedexBagOverflowError } from "./errors.js";
import { BAG_HEADER, CHUNK_NODES, ERR_BAG, ERR_TYPE, type KernelConfig, type MemoryPlan, S_ACTIVE, S_BUSY, S_CURSOR, S_ERR, S_ERR_A, S_ERR_B, S_MAXSTEPS, S_PROBES, S_SHARED, S_SPILLED, S_SWEPT, planMemory } from "./layout.js";
import { type Pipelines, createPipelines, pipelineKey } from "./pipelines.js";
import { HeapView, READ_BLOCK_SHIFT } from "./heap-view.js";
import { type Counters, type Profile, type RoundTrace, roundTrace } from "./profile.js";
import { findRefs, readNet } from "./walk.js";

/** Seconds spent in each phase of a run. */
export interface Timing {
  setup: number;
  upload: number;
  reduction: number;
  readback: number;
}

/** Thrown inside the host loop when a run shows too little parallelism for the GPU (see `sequentialAfter`). */
export class LowParallelism extends Error {
  constructor(readonly maxPending: number, readonly interactions: number) {
    super(`at most ${maxPending} pending redexes after ${interactions} interactions: too little parallelism for the GPU`);
  }
}

/** Sequential-run detection: after this much reduction, a bag that never held more than SEQUENTIAL_PENDING redexes. */
export const SEQUENTIAL_SECONDS = 0.25;
export const SEQUENTIAL_PENDING = 32;

export interface GpuRunResult {
  net: Net;
  /** liveSlots (with `countLiveSlots`): heap slots not NULL after the run (node 0's two, the normal form's, and nothing leaked). */
  stats: RunStats & { timing: Timing; rounds: number; batches: number; heapNodes: number; liveSlots?: number; profile: Profile; fallback?: string };
}

const STATUS_WORDS = 24;
const MAX_ROUNDS = 256;
const now = (): number => performance.now() / 1000;

export class Driver {
  private readonly cache = new Map<string, Promise<Pipelines>>();
  lost: GPUDeviceLostInfo | undefined;

  constructor(
    readonly device: GPUDevice,
    readonly kernel: KernelConfig,
    /** Cap on one heap binding's bytes (below the device limit: tests the split heap). */
    readonly maxBindingBytes = Infinity,
    /** Profiling: run one dispatch per batch and report each round. */
    readonly onRound?: (r: RoundTrace) => void,
    /** Leak checks: read the whole used heap after a run and count the slots still in use (stats.liveSlots). */
    readonly countLiveSlots = false,
  ) {
    void device.lost.then((info) => {
      this.lost = info;
    });
  }

  pipelines(plan: MemoryPlan): Promise<Pipelines> {
    const key = pipelineKey(plan, this.kernel);
    let p = this.cache.get(key);
    if (!p) {
      p = createPipelines(this.device, plan, this.kernel);
      p.catch(() => this.cache.delete(key));
      this.cache.set(key, p);
    }
    return p;
  }

  checkLost(): void {
    if (this.lost) throw new DeviceLostError(this.lost.reason, this.lost.message);
  }

  /** `detectSequential`: give up (LowParallelism) on runs that stay sequential, so a caller can hand them to the CPU. */
  async run(book: CompiledBook, entry: number, opts: RunOptions, detectSequential = false): Promise<GpuRunResult> {
    this.checkLost();
    const t0 = now();
    const l = this.device.limits;
    const limits = { maxStorageBufferBindingSize: Math.min(l.maxStorageBufferBindingSize, this.maxBindingBytes), maxBufferSize: l.maxBufferSize, maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage };
    const plan = planMemory(opts.memory ?? DEFAULT_MEMORY, limits, this.kernel);
    const oom = (): OutOfMemoryError => new OutOfMemoryError(plan.nodes, plan.nodes * NODE_BYTES);
    const limit = opts.maxInteractions ?? Infinity;
    if (opts.signal?.aborted) throw new AbortedError();
    if (limit < 1) throw new InteractionLimitError(limit);
    const boot = bootEntry(book.defs[entry], CHUNK_NODES, Tag.ERA);
    if (boot.used > plan.nodes || boot.redexes.length / 2 > plan.bagCapacity) throw oom();
    const pipes = await this.pipelines(plan);
    const run = new GpuRun(this.device, plan, pipes, this.kernel, encodeBook(book));
    try {
      await run.create();
      const t1 = now();
      run.upload(boot.slots, boot.redexes, Math.ceil(boot.used / CHUNK_NODES));
      await this.device.queue.onSubmittedWorkDone();
      const t2 = now();
      let reduction = 0;
      let readback = 0;
      let rounds = 0;
      let batches = 0;
      let perBatch = 4;
      let status = run.emptyStatus();
      let starts = [ROOT_SLOT];
      let maxPending = boot.redexes.length / 2;
      for (;;) {
        if (this.onRound) perBatch = 1;
        const before = status;
        const tb = now();
        status = await run.batch(perBatch, this, this.onRound !== undefined);
        reduction += now() - tb;
        rounds += perBatch;
        batches++;
        this.onRound?.(roundTrace(rounds, before, status, now() - tb));
        perBatch = Math.min(MAX_ROUNDS, perBatch * 2);
        if (status.error === ERR_TYPE) throw new TypeErrorPair(TAG_NAMES[status.tagA], TAG_NAMES[status.tagB]);
        if (status.error === ERR_BAG) throw new RedexBagOverflowError(plan.nodes, plan.nodes * NODE_BYTES, plan.bagCapacity);
        if (status.error !== 0) throw oom();
        const total = status.total + 1;
        if (total > limit) throw new InteractionLimitError(limit);
        if (opts.signal?.aborted) throw new AbortedError();
        opts.onProgress?.(progress(status, reduction, plan));
        maxPending = Math.max(maxPending, status.pending);
        if (detectSequential && reduction > SEQUENTIAL_SECONDS && maxPending <= SEQUENTIAL_PENDING) throw new LowParallelism(maxPending, total);
        if (status.pending > 0) continue;
        const tr = now();
        const heap = run.heapView(status.active, this);
        const refs = await heap.walk((get) => findRefs(get, heap.slots, starts));
        if (refs.length === 0) {
          const net = canonicalize(await heap.walk((get) => readNet(get, heap.slots, book.names)));
          readback += now() - tr;
          const liveSlots = this.countLiveSlots ? await heap.live() : undefined;
          const byRule = status.byRule;
          byRule.DREF += 1;
          const seconds = reduction;
          return {
            net,
            stats: {
              interactions: total,
              byRule,
              seconds,
              mips: seconds > 0 ? total / seconds / 1e6 : 0,
              peakNodes: heap.slots / 2,
              timing: { setup: t1 - t0, upload: t2 - t1, reduction, readback },
              rounds,
              batches,
              heapNodes: plan.nodes,
              liveSlots,
              profile: { swept: status.swept, probes: status.probes, shared: status.shared, spilled: status.spilled },
            },
          };
        }
        if (refs.length > plan.bagCapacity) throw oom();
        run.queueExpansions(refs, heap.get);
        starts = refs;
        readback += now() - tr;
        perBatch = 4;
      }
    } finally {
      run.destroy();
    }
  }
}

interface Status extends Counters {
  byRule: Record<(typeof RULE_CLASSES)[number], number>;
  error: number;
  tagA: number;
  tagB: number;
  cursor: number;
}

function progress(s: Status, seconds: number, plan: MemoryPlan): Progress {
  return { interactions: s.total + 1, byRule: { ...s.byRule, DREF: s.byRule.DREF + 1 }, seconds, nodes: Math.min(plan.nodes, s.active * CHUNK_NODES) };
}

/** The buffers and bind groups of one run. */
class GpuRun {
  private readonly buffers: GPUBuffer[] = [];
  state!: GPUBuffer;
  bookBuf!: GPUBuffer;
  bags: GPUBuffer[] = [];
  heaps: GPUBuffer[] = [];
  indirect!: GPUBuffer;
  staging!: GPUBuffer;
  groups: GPUBindGroup[] = [];
  indirectGroup!: GPUBindGroup;
  /** The bag holding the pending redexes. */
  parity = 0;

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

  async create(): Promise<void> {
    const d = this.device;
    const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
    d.pushErrorScope("out-of-memory");
    d.pushErrorScope("validation");
    this.state = this.buffer("hvm-state", this.plan.stateWords * 4, S);
    this.bookBuf = this.buffer("hvm-book", this.book.byteLength, S);
    this.bags = [0, 1].map((i) => this.buffer(`hvm-bag${i}`, (BAG_HEADER + 2 * this.plan.bagCapacity) * 4, S));
    this.heaps = this.plan.heapBufferBytes.map((bytes, i) => this.buffer(`hvm-heap${i}`, bytes, S));
    this.indirect = this.buffer("hvm-indirect", 16, GPUBufferUsage.STORAGE | GPUBufferUsage.INDIRECT | GPUBufferUsage.COPY_DST);
    this.staging = this.buffer("hvm-status", (STATUS_WORDS + 2) * 4, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
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
    this.indirectGroup = d.createBindGroup({ layout: this.pipes.indirect, entries: [{ binding: 0, resource: { buffer: this.indirect } }] });
    const validation = await d.popErrorScope();
    const memory = await d.popErrorScope();
    if (memory) throw new GpuError(`allocating ${this.plan.heapBufferBytes.reduce((a, b) => a + b, 0)} bytes of heap`, `${memory.message}; lower --memory`);
    if (validation) throw new GpuError("creating buffers", validation.message);
  }

  /** Write the booted heap, the entry's redexes and the allocator start. */
  upload(slots: Uint32Array, redexes: Uint32Array, usedChunks: number): void {
    const q = this.device.queue;
    q.writeBuffer(this.bookBuf, 0, this.book as Uint32Array<ArrayBuffer>);
    this.writeSlots(0, slots);
    q.writeBuffer(this.state, S_CURSOR * 4, new Uint32Array([0, usedChunks]));
    q.writeBuffer(this.state, this.plan.ownerBase * 4, new Uint32Array([1]));
    this.writeBag(redexes);
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

  private writeBag(redexes: Uint32Array): void {
    const q = this.device.queue;
    const n = redexes.length / 2;
    const bag = new Uint32Array(BAG_HEADER + redexes.length);
    bag[0] = n;
    bag.set(redexes, BAG_HEADER);
    q.writeBuffer(this.bags[this.parity], 0, bag);
    const groups = Math.min(this.kernel.maxWorkgroups, Math.ceil(n / this.kernel.workgroupSize));
    q.writeBuffer(this.indirect, 0, new Uint32Array([groups, 1, 1]));
  }

  emptyStatus(): Status {
    return { total: 0, byRule: emptyByRule(), error: 0, tagA: 0, tagB: 0, cursor: 0, active: 0, pending: 0, swept: 0, probes: 0, shared: 0, spilled: 0, busy: 0, maxSteps: 0 };
  }

  /** Encode `rounds` rounds, submit, and read the status block (`perRound`: busy/maxSteps of this batch alone). */
  async batch(rounds: number, driver: Driver, perRound = false): Promise<Status> {
    const d = this.device;
    if (perRound) d.queue.writeBuffer(this.state, S_BUSY * 4, new Uint32Array([0, 0]));
    d.pushErrorScope("validation");
    const enc = d.createCommandEncoder({ label: "hvm-batch" });
    const pass = enc.beginComputePass();
    for (let r = 0; r < rounds; r++) {
      pass.setPipeline(this.pipes.reduce);
      pass.setBindGroup(0, this.groups[this.parity]);
      pass.dispatchWorkgroupsIndirect(this.indirect, 0);
      pass.setPipeline(this.pipes.between);
      pass.setBindGroup(1, this.indirectGroup);
      pass.dispatchWorkgroups(1);
      this.parity ^= 1;
    }
    pass.end();
    enc.copyBufferToBuffer(this.state, 0, this.staging, 0, STATUS_WORDS * 4);
    enc.copyBufferToBuffer(this.bags[this.parity], 0, this.staging, STATUS_WORDS * 4, 4);
    d.queue.submit([enc.finish()]);
    const err = await d.popErrorScope();
    if (err) throw new GpuError("submitting a batch", err.message);
    const w = await this.map(this.staging, driver);
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
      pending: w[STATUS_WORDS],
      swept: w[S_SWEPT],
      probes: w[S_PROBES],
      shared: w[S_SHARED],
      spilled: w[S_SPILLED],
      busy: w[S_BUSY],
      maxSteps: w[S_MAXSTEPS],
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
  queueExpansions(refs: readonly number[], heap: (slot: number) => number): void {
    const pairs = new Uint32Array(2 * refs.length);
    refs.forEach((slot, i) => {
      pairs[2 * i] = heap(slot);
      pairs[2 * i + 1] = varTo(slot);
      this.writeSlots(slot, new Uint32Array([varTo(slot)]));
    });
    this.writeBag(pairs);
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
  }
}
