/**
 * The two ways the page runs a program. The CPU runner talks to a worker and
 * stops by terminating it (a fresh worker is started on the next run); the
 * WebGPU runner runs on the page (GPU work is asynchronous) and stops through
 * an AbortSignal.
 */
import { AbortedError, type Progress, type Runtime } from "@hvm/ir";
import { createWebGpuRuntime, requestDevice } from "@hvm/runtime-webgpu";
import { WebGpuUnavailableError, WorkerCrashError } from "./errors.js";
import { evaluate } from "./evaluate.js";
import { toFailure, type RunFailure, type RunOutcome, type RunRequest, type WorkerReply } from "./protocol.js";

export type RunReply = { readonly ok: true; readonly outcome: RunOutcome } | { readonly ok: false; readonly failure: RunFailure };

export interface Runner {
  run(req: RunRequest, onProgress: (p: Progress) => void): Promise<RunReply>;
  stop(): void;
}

export class CpuWorkerRunner implements Runner {
  private worker: Worker | undefined;
  private settle: ((r: RunReply) => void) | undefined;

  run(req: RunRequest, onProgress: (p: Progress) => void): Promise<RunReply> {
    this.worker ??= new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const worker = this.worker;
    return new Promise<RunReply>((resolve) => {
      this.settle = resolve;
      worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
        const m = ev.data;
        if (m.type === "progress") onProgress(m.progress);
        else this.finish(m.type === "done" ? { ok: true, outcome: m.outcome } : { ok: false, failure: m.failure });
      };
      worker.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        this.reset();
        this.finish({ ok: false, failure: toFailure(new WorkerCrashError(ev.message || "unknown error")) });
      };
      worker.postMessage(req);
    });
  }

  stop(): void {
    this.reset();
    this.finish({ ok: false, failure: toFailure(new AbortedError()) });
  }

  private reset(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private finish(reply: RunReply): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.(reply);
  }
}

export class WebGpuRunner implements Runner {
  private runtime: Promise<Runtime> | undefined;
  private controller: AbortController | undefined;

  private getRuntime(): Promise<Runtime> {
    this.runtime ??= (async () => {
      if (typeof navigator === "undefined" || !("gpu" in navigator)) throw new WebGpuUnavailableError("navigator.gpu is missing");
      const { device, adapterInfo } = await requestDevice();
      return createWebGpuRuntime({ device, adapterInfo });
    })();
    this.runtime.catch(() => {
      this.runtime = undefined;
    });
    return this.runtime;
  }

  async run(req: RunRequest, onProgress: (p: Progress) => void): Promise<RunReply> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const rt = await this.getRuntime();
      const outcome = await evaluate(rt, req.source, { ...req, signal: controller.signal, onProgress });
      return { ok: true, outcome };
    } catch (e) {
      if (controller.signal.aborted) this.reset();
      return { ok: false, failure: toFailure(e) };
    }
  }

  /** After a stopped run, the next run starts on a fresh device. */
  private reset(): void {
    const old = this.runtime;
    this.runtime = undefined;
    void old?.then((rt) => rt.dispose()).catch(() => undefined);
  }

  stop(): void {
    this.controller?.abort();
  }
}
