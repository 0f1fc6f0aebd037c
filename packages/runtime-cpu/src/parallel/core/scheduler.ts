/**
 * A worker's reduction loop: reduce from the top of the local stack, hand its
 * oldest redexes (the bottom) to the shared queue when another worker is
 * idle and the queue is empty, take from the queue when the stack runs dry,
 * and detect the end of a round.
 *
 * Termination: Ctl.ACTIVE counts workers that may still hold or produce
 * redexes. A worker leaves ACTIVE only under the lock and with an empty queue,
 * and re-enters it under the lock when it takes work, so ACTIVE = 0 with an
 * empty queue means no redex exists anywhere: the worker that brings ACTIVE
 * to 0 sets DONE and wakes the others (Atomics.notify on Ctl.SIGNAL).
 *
 * Messages between the host and a worker only start runs and rounds and
 * report how a round ended; the heap, control block and statistics are
 * SharedArrayBuffers. createWorkerHandler is the worker side, independent of
 * how messages travel (worker_threads in Node, a Web Worker elsewhere).
 */
import { HeapExhausted } from "./alloc.js";
import { Ctl, PUBLISH_EVERY, QUEUE_PAIRS, type SharedState, Stat, StopCode } from "./layout.js";
import { type CellDef, Machine, TypeStop } from "./machine.js";

/**
 * Redex pairs a worker must hold before it shares: sharing one or two
 * redexes of a sequential program only bounces cache lines and wakes
 * threads for nothing.
 */
const SHARE_MIN = 8;

/**
 * Redex pairs one share moves per idle worker (at most half the stack): the
 * oldest ones, at the bottom of the stack, which in a depth-first reduction
 * are the largest pending pieces (a fork tree's other halves). Moving half
 * of the stack instead also moved the long runs of cheap pending redexes
 * that loops and recursive sums pile up above them; moving a fixed 4 pairs
 * whatever the number of idle workers fed 15 idle workers of a 16-thread
 * run 4 pairs at a time.
 */
const SHARE_PAIRS = 4;

/** Interactions between two checks of the stop flag and of idle workers. */
const POLL_EVERY = 64;

/**
 * Adaptive sharing: a worker that took shared work and ran dry again within
 * USEFUL_MIN interactions adds one to Ctl.BACKOFF, the polls a worker lets
 * pass between two shares (up to BACKOFF_MAX); one that got more resets it
 * to 0. In a sequential program every share is useless (rec-sum keeps one
 * cheap pending addition per frame at the bottom of its stack), so n shares
 * take n^2 / 2 polls and a 60M-interaction run makes about 1,400 of them
 * instead of one per poll; a parallel program hands out a useless pair now
 * and then and keeps sharing as soon as a worker idles.
 */
const USEFUL_MIN = 1 << 10;
const BACKOFF_MAX = 1 << 16;

/** Another worker (or the host) asked everybody to stop. */
class Stopped extends Error {}

export class WorkerLoop {
  readonly machine: Machine;
  private readonly ctl: Int32Array;
  private readonly stats: Float64Array;
  private readonly threads: number;
  /** Interactions this worker has done in this run. */
  private work = 0;
  /** `work` when this worker last took queued work (-1: not since it last ran dry). */
  private takenAt = -1;
  /** Polls since this worker last shared. */
  private sinceShare = 0;
  private readonly limit: number;
  private readonly allStats: Float64Array;

  constructor(
    state: SharedState,
    defs: readonly CellDef[],
    readonly id: number,
    maxInteractions: number,
  ) {
    this.machine = new Machine(state, defs, id);
    this.ctl = new Int32Array(state.ctl);
    this.allStats = new Float64Array(state.stats);
    this.stats = this.allStats.subarray(id * Stat.SIZE, (id + 1) * Stat.SIZE);
    this.threads = state.threads;
    this.limit = maxInteractions;
  }

  /** Reduce until the round ends. Returns the stop code this worker raised (NONE when it finished normally). */
  round(initial: Int32Array): number {
    const m = this.machine;
    for (let i = 0; i + 1 < initial.length; i += 2) m.push(initial[i], initial[i + 1]);
    try {
      this.reduce();
      return StopCode.NONE;
    } catch (e) {
      if (e instanceof Stopped) return StopCode.NONE;
      if (e instanceof HeapExhausted) return this.stop(StopCode.OUT_OF_MEMORY, 0, 0);
      if (e instanceof TypeStop) return this.stop(StopCode.TYPE, e.left, e.right);
      this.stop(StopCode.CRASH, 0, 0);
      throw e;
    } finally {
      m.clear();
      this.publish();
    }
  }

  private reduce(): void {
    const m = this.machine;
    let publishAt = this.work + PUBLISH_EVERY;
    for (;;) {
      while (m.sp > m.base) {
        this.work += m.reduce(POLL_EVERY);
        this.poll();
        if (this.work >= publishAt) {
          publishAt = this.work + PUBLISH_EVERY;
          this.publish();
          if (this.limit >= 0 && this.total() > this.limit) this.stop(StopCode.LIMIT, 0, 0);
        }
      }
      if (m.unspill()) continue;
      m.clear();
      if (!this.refill()) return;
    }
  }

  /**
   * Between two slices of POLL_EVERY interactions: stop when asked, share
   * when another worker idles (and the backoff allows). Plain loads (an
   * Atomics call costs more than a few interactions here): a stale value
   * only delays a share by one slice, and share() re-reads the queue under
   * the lock.
   */
  private poll(): void {
    const ctl = this.ctl;
    if (ctl[Ctl.STOP] !== 0) throw new Stopped();
    this.sinceShare++;
    if (this.machine.pending() >= SHARE_MIN && ctl[Ctl.QSIZE] === 0 && ctl[Ctl.ACTIVE] < this.threads && this.sinceShare > ctl[Ctl.BACKOFF]) {
      this.sinceShare = 0;
      this.share();
    }
  }

  /** The stack ran dry: judge the work last taken from the queue (see USEFUL_MIN). */
  private judgeTaken(): void {
    if (this.takenAt < 0) return;
    const ctl = this.ctl;
    ctl[Ctl.BACKOFF] = this.work - this.takenAt >= USEFUL_MIN ? 0 : Math.min(BACKOFF_MAX, ctl[Ctl.BACKOFF] + 1);
    this.takenAt = -1;
  }

  /** Move the oldest redexes of the local stack (its bottom) into the shared queue: SHARE_PAIRS per idle worker, at most half the stack. */
  private share(): void {
    const m = this.machine;
    const ctl = this.ctl;
    this.lock();
    const free = QUEUE_PAIRS - ctl[Ctl.QSIZE];
    const idle = Math.max(1, this.threads - ctl[Ctl.ACTIVE]);
    const give = Math.min(free, SHARE_PAIRS * idle, m.pending() >> 1);
    const tail = ctl[Ctl.QHEAD] + ctl[Ctl.QSIZE];
    for (let i = 0; i < give; i++) {
      const at = Ctl.HEADER + 2 * ((tail + i) % QUEUE_PAIRS);
      ctl[at] = m.stack[m.base + 2 * i];
      ctl[at + 1] = m.stack[m.base + 2 * i + 1];
    }
    ctl[Ctl.QSIZE] += give;
    this.unlock();
    m.base += 2 * give;
    this.signal();
  }

  /** Take redexes from the queue; when there are none, idle until work or the end of the round. */
  private refill(): boolean {
    const ctl = this.ctl;
    this.judgeTaken();
    this.lock();
    if (ctl[Ctl.QSIZE] > 0) {
      this.takeQueued();
      this.unlock();
      return true;
    }
    ctl[Ctl.ACTIVE]--;
    if (ctl[Ctl.ACTIVE] === 0) {
      ctl[Ctl.DONE] = 1;
      this.unlock();
      this.signal();
      return false;
    }
    this.unlock();
    this.publish();
    for (;;) {
      const sig = Atomics.load(ctl, Ctl.SIGNAL);
      if (ctl[Ctl.STOP] !== 0) throw new Stopped();
      this.lock();
      if (ctl[Ctl.DONE] === 1) {
        this.unlock();
        return false;
      }
      if (ctl[Ctl.QSIZE] > 0) {
        ctl[Ctl.ACTIVE]++;
        this.takeQueued();
        this.unlock();
        return true;
      }
      this.unlock();
      Atomics.wait(ctl, Ctl.SIGNAL, sig);
    }
  }

  /** Pop half of the queue (at least one pair) onto the local stack; caller holds the lock. */
  private takeQueued(): void {
    const ctl = this.ctl;
    this.takenAt = this.work;
    const size = ctl[Ctl.QSIZE];
    const n = (size + 1) >> 1;
    const head = ctl[Ctl.QHEAD];
    for (let i = 0; i < n; i++) {
      const at = Ctl.HEADER + 2 * ((head + i) % QUEUE_PAIRS);
      this.machine.push(ctl[at], ctl[at + 1]);
    }
    ctl[Ctl.QHEAD] = (head + n) % QUEUE_PAIRS;
    ctl[Ctl.QSIZE] = size - n;
  }

  private lock(): void {
    const ctl = this.ctl;
    let spins = 0;
    while (Atomics.compareExchange(ctl, Ctl.LOCK, 0, 1) !== 0) {
      if (++spins > 64) Atomics.wait(ctl, Ctl.LOCK, 1, 1);
    }
  }

  private unlock(): void {
    Atomics.store(this.ctl, Ctl.LOCK, 0);
    Atomics.notify(this.ctl, Ctl.LOCK, 1);
  }

  private signal(): void {
    Atomics.add(this.ctl, Ctl.SIGNAL, 1);
    Atomics.notify(this.ctl, Ctl.SIGNAL);
  }

  /** Raise a stop for everybody (the first stop wins) and wake idle workers. */
  private stop(code: number, left: number, right: number): number {
    if (Atomics.compareExchange(this.ctl, Ctl.STOP, 0, code) === 0) {
      this.ctl[Ctl.STOP_A] = left;
      this.ctl[Ctl.STOP_B] = right;
    }
    this.signal();
    if (code === StopCode.LIMIT) throw new Stopped();
    return code;
  }

  private publish(): void {
    const m = this.machine;
    const s = this.stats;
    s.set(m.classCounts());
  }

  /** Interactions published by all workers and the host. */
  private total(): number {
    let t = 0;
    for (let w = 0; w <= this.threads; w++) for (let k = 0; k < 5; k++) t += this.allStats[w * Stat.SIZE + k];
    return t;
  }
}

export type HostMessage =
  /** A new run: build a WorkerLoop over these buffers. maxInteractions < 0: no limit. */
  | { type: "run"; state: SharedState; defs: CellDef[]; id: number; maxInteractions: number }
  /** Reduce these redexes (pairs of main ports) and everything they lead to. */
  | { type: "round"; redexes: Int32Array };

export type WorkerMessage =
  /** The worker has started and listens. */
  | { type: "ready" }
  /** The round is over for this worker; `stop` is the StopCode it raised (0: none). */
  | { type: "done"; stop: number }
  /** An unexpected failure inside the worker (a bug): its message and stack. */
  | { type: "crash"; message: string; stack?: string };

/** A message handler holding the worker's state between messages. */
export function createWorkerHandler(): (msg: HostMessage) => WorkerMessage | undefined {
  let loop: WorkerLoop | undefined;
  return (msg) => {
    try {
      if (msg.type === "run") {
        loop = new WorkerLoop(msg.state, msg.defs, msg.id, msg.maxInteractions);
        return undefined;
      }
      if (!loop) return { type: "crash", message: "round before run" };
      return { type: "done", stop: loop.round(msg.redexes) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return { type: "crash", message: err.message, stack: err.stack };
    }
  };
}
