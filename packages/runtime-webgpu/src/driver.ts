/**
 * The host loop: upload the booted net, encode batches of rounds
 * (reduce + between, direct dispatches), read back only a small status
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
  type RunOptions,
  type RunStats,
  TAG_NAMES,
  Tag,
  TypeErrorPair,
  AbortedError,
  canonicalize,
  DEFAULT_MEMORY,
  ROOT_SLOT,
} from "@hvm/ir";
import { bootEntry, encodeBook } from "./book.js";
import { DeviceLostError, GpuError, RedexBagOverflowError } from "./errors.js";
import { GpuRun, type RunBuffers, type Status, destroyRunBuffers } from "./gpu-run.js";
import { CHUNK_NODES, ERR_BAG, ERR_TYPE, type KernelConfig, type MemoryPlan, planMemory } from "./layout.js";
import { type Pipelines, createPipelines, pipelineKey } from "./pipelines.js";
import { type Profile, type RoundTrace, profileOf, roundTrace } from "./profile.js";
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
  /**
   * spreadRounds: rounds that were spread (long chains); loneRounds: rounds
   * whose batch dispatched the lone pipeline (which runs the spread ones).
   */
  stats: RunStats & { timing: Timing; rounds: number; batches: number; spreadRounds: number; loneRounds: number; heapNodes: number; liveSlots?: number; profile: Profile; fallback?: string };
}

const MAX_ROUNDS = 256;
const now = (): number => performance.now() / 1000;

export class Driver {
  private readonly cache = new Map<string, Promise<Pipelines>>();
  /** The plan buffers of the last run, kept for the next run of the same shape (see RunBuffers). */
  private kept: RunBuffers | undefined;
  private keptInUse = false;
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
    const key = pipelineKey(plan, this.kernel);
    const reuse = this.kept?.key === key && !this.keptInUse ? this.kept : undefined;
    if (reuse) this.keptInUse = true;
    try {
      await run.create(key, reuse);
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
      let stalled = 0;
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
        // A redex (or link) whose slots were NULL is retried, and a dispatch
        // boundary makes every write land, so a batch always interacts or
        // drains something; two batches in a row that do neither mean a
        // write that never arrives (one may be empty: its leftovers sat in
        // the other bag).
        stalled = status.pending > 0 && status.total === before.total && status.pending === before.pending ? stalled + 1 : 0;
        if (stalled >= 2) throw new GpuError("reducing", "redexes stayed pending through two batches without an interaction: a heap slot's write never arrived (a memory-ordering fault of this device or driver); the net is not trustworthy, run it on cpu");
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
              spreadRounds: status.spreadRounds,
              loneRounds: run.loneRounds,
              heapNodes: plan.nodes,
              liveSlots,
              profile: profileOf(status),
            },
          };
        }
        if (refs.length > plan.bagCapacity) throw oom();
        run.queueExpansions(refs, heap.get, status.active);
        starts = refs;
        readback += now() - tr;
        perBatch = 4;
      }
    } finally {
      run.destroy();
      this.keep(run.shared, reuse !== undefined);
    }
  }

  /** Keep a run's plan buffers for the next run of that shape (the last shape only). */
  private keep(buffers: RunBuffers | undefined, wasKept: boolean): void {
    if (wasKept) {
      this.keptInUse = false;
      return;
    }
    if (!buffers) return;
    if (this.keptInUse) {
      destroyRunBuffers(buffers);
      return;
    }
    if (this.kept) destroyRunBuffers(this.kept);
    this.kept = buffers;
  }

  /** Free the buffers kept between runs. */
  dispose(): void {
    if (this.kept && !this.keptInUse) destroyRunBuffers(this.kept);
    this.kept = undefined;
  }
}


function progress(s: Status, seconds: number, plan: MemoryPlan): Progress {
  return { interactions: s.total + 1, byRule: { ...s.byRule, DREF: s.byRule.DREF + 1 }, seconds, nodes: Math.min(plan.nodes, s.active * CHUNK_NODES) };
}
