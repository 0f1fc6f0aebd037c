/**
 * A pool of worker threads (Node edge). Workers live across runs; a pool is
 * referenced only while a run is in progress, so an idle pool never keeps
 * the process alive. Terminating is final: a failed run throws the pool away.
 */
import { Worker } from "node:worker_threads";
import type { HostMessage, WorkerMessage } from "../core/protocol.js";
import { type WorkerScript, workerScript } from "./script.js";

type Waiter = { resolve(m: WorkerMessage): void; reject(e: Error): void };

export class WorkerPool {
  private readonly waiters: Array<Waiter | undefined>;
  private alive: number;
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    this.waiters = workers.map(() => undefined);
    this.alive = workers.length;
    workers.forEach((w, i) => {
      w.on("message", (m: WorkerMessage) => this.settle(i, m));
      w.on("error", (e: Error) => this.fail(e));
      w.on("exit", () => {
        this.alive--;
        this.fail(new Error(`cpu-parallel: worker ${i} exited`));
      });
    });
  }

  /** Start the workers and wait until each one listens (so run timings exclude thread start-up). */
  static async create(threads: number): Promise<WorkerPool> {
    const script = await workerScript();
    const workers: Worker[] = [];
    for (let i = 0; i < threads; i++) workers.push(spawn(script, i));
    const pool = new WorkerPool(workers);
    pool.ref();
    try {
      await Promise.all(workers.map((_, i) => pool.expect(i)));
    } catch (e) {
      await pool.terminate();
      throw e;
    } finally {
      pool.unref();
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Workers whose thread has not exited yet. */
  get liveThreads(): number {
    return this.alive;
  }

  post(i: number, msg: HostMessage): void {
    this.workers[i].postMessage(msg);
  }

  /** Send a message to worker i and wait for its reply. */
  request(i: number, msg: HostMessage): Promise<WorkerMessage> {
    const reply = this.expect(i);
    this.workers[i].postMessage(msg);
    return reply;
  }

  /** The next message of worker i. */
  private expect(i: number): Promise<WorkerMessage> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters[i] = { resolve, reject };
    });
  }

  ref(): void {
    for (const w of this.workers) w.ref();
  }

  unref(): void {
    for (const w of this.workers) w.unref();
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error("cpu-parallel: worker pool terminated");
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(i: number, m: WorkerMessage): void {
    const w = this.waiters[i];
    this.waiters[i] = undefined;
    w?.resolve(m);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      this.waiters[i] = undefined;
      w?.reject(this.failure);
    }
  }
}

function spawn(script: WorkerScript, i: number): Worker {
  const name = `hvm-cpu-parallel-${i}`;
  return script.kind === "file" ? new Worker(script.path, { name }) : new Worker(script.code, { eval: true, name });
}
