/**
 * A pool of worker threads (Node edge). Workers live across runs; a pool is
 * referenced only while a run is in progress, so an idle pool never keeps
 * the process alive. Terminating is final: a failed run throws the pool away.
 *
 * Where the worker's code comes from:
 * 1. A prebuilt worker next to this module: `cpu-parallel-worker.js`. The CLI
 *    bundle and the package build emit it beside the bundled runtime.
 * 2. Running from TypeScript sources (tests, tsx): `worker.ts` sits next to
 *    this module; it is bundled once per process with esbuild into a single
 *    CommonJS script and started with `eval: true`.
 */
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HostMessage, WorkerMessage } from "../core/scheduler.js";

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

export const PREBUILT_WORKER = "cpu-parallel-worker.js";

export type WorkerScript = { kind: "file"; path: string } | { kind: "eval"; code: string };

let cached: Promise<WorkerScript> | undefined;

/** Locate (or build) the worker script once per process. */
export function workerScript(): Promise<WorkerScript> {
  cached ??= locate().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function locate(): Promise<WorkerScript> {
  const prebuilt = fileURLToPath(new URL(`./${PREBUILT_WORKER}`, import.meta.url));
  if (existsSync(prebuilt)) return { kind: "file", path: prebuilt };
  const source = fileURLToPath(new URL("./worker.ts", import.meta.url));
  if (!existsSync(source)) {
    throw new Error(`cpu-parallel: no worker script: neither ${prebuilt} nor ${source} exists; bundle src/parallel/node/worker.ts as ${PREBUILT_WORKER} next to the runtime`);
  }
  const esbuildName = "esbuild";
  const esbuild = (await import(esbuildName)) as typeof import("esbuild");
  const out = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  return { kind: "eval", code: out.outputFiles[0].text };
}
