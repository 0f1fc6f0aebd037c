/**
 * Runtime selection. Any ir Runtime can be injected (`options.runtime`);
 * otherwise `cpu` makes the single-thread reference reducer (or, with
 * `threads > 1`, a parallel CPU reducer from the registered providers), and
 * `gpu` makes the WebGPU reducer on `options.device`, on `navigator.gpu` in
 * browsers, or through a registered provider (in Node, `@hvm/accelerate/node`
 * registers Dawn and worker_threads). This module has no Node-only imports,
 * so it loads in browsers and workers.
 */
import type { Runtime } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createWebGpuRuntime } from "@hvm/runtime-webgpu";
import { MissingRuntimeError, NoAdapterError } from "./errors.js";

/** A runtime to use and whether `accelerate` owns it (and disposes it after the run). */
export interface Lease {
  readonly runtime: Runtime;
  readonly owned: boolean;
}

export interface BackendOptions {
  runtime?: Runtime;
  /** A GPUDevice for `gpu` mode. */
  device?: unknown;
  /** Worker threads for `cpu` mode (> 1: the parallel CPU reducer). */
  threads?: number;
}

/** What an environment adds: a WebGPU runtime on its own device, the parallel CPU reducer. */
export interface Providers {
  /** Whether an adapter exists. */
  hasGpuAdapter?: () => Promise<boolean>;
  /** A WebGPU runtime on a fresh device (disposing it releases the device), or the reason there is none. */
  createGpuRuntime?: () => Promise<Runtime | string>;
  /** The parallel CPU reducer with this many threads. */
  createParallelCpuRuntime?: (threads: number) => Runtime;
}

const providers: Providers = {};

/** Register environment providers (done by `@hvm/accelerate/node`). */
export function registerProviders(p: Providers): void {
  Object.assign(providers, p);
  adapterProbe = null;
}

interface BrowserAdapter {
  readonly info?: GPUAdapterInfo;
  requestDevice(): Promise<GPUDevice>;
}

const browserGpu = (): { requestAdapter(): Promise<BrowserAdapter | null> } | undefined =>
  (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<BrowserAdapter | null> } } }).navigator?.gpu;

let adapterProbe: Promise<boolean> | null = null;

/** Whether mode "gpu" can run here (probed once): a registered provider's adapter, or navigator.gpu's. */
export function hasGpuAdapter(): Promise<boolean> {
  adapterProbe ??= (async () => {
    try {
      if (providers.hasGpuAdapter) return await providers.hasGpuAdapter();
      const gpu = browserGpu();
      return gpu ? (await gpu.requestAdapter()) !== null : false;
    } catch {
      return false;
    }
  })();
  return adapterProbe;
}

/** The GPU runtime of this environment, created on first use and shared by later runs (its pipelines stay compiled). */
let sharedGpu: Promise<Runtime> | null = null;

async function createSharedGpu(): Promise<Runtime> {
  if (providers.createGpuRuntime) {
    const r = await providers.createGpuRuntime();
    if (typeof r === "string") throw new NoAdapterError(r);
    return r;
  }
  const gpu = browserGpu();
  if (!gpu) throw new NoAdapterError("this environment has no navigator.gpu; in Node import from @hvm/accelerate/node");
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new NoAdapterError("navigator.gpu.requestAdapter() returned null");
  const device = await adapter.requestDevice();
  const runtime = createWebGpuRuntime({ device, ...(adapter.info ? { adapterInfo: adapter.info } : {}) });
  return { name: runtime.name, run: (b, o) => runtime.run(b, o), dispose: async () => (await runtime.dispose(), device.destroy()) };
}

export async function gpuRuntime(options: BackendOptions): Promise<Lease> {
  if (options.runtime) return { runtime: options.runtime, owned: false };
  if (options.device) return { runtime: createWebGpuRuntime({ device: options.device as GPUDevice }), owned: true };
  sharedGpu ??= createSharedGpu();
  try {
    return { runtime: await sharedGpu, owned: false };
  } catch (e) {
    sharedGpu = null;
    throw e;
  }
}

/** After a failed run on the shared GPU runtime, dispose it: a lost or wedged device is never reused. */
export async function dropSharedGpu(runtime: Runtime): Promise<void> {
  const shared = sharedGpu;
  if (!shared || (await shared.catch(() => null)) !== runtime) return;
  sharedGpu = null;
  await runtime.dispose().catch(() => undefined);
}

/** Dispose the shared GPU runtime (a later gpu run creates a new one). */
export async function disposeRuntimes(): Promise<void> {
  const shared = sharedGpu;
  sharedGpu = null;
  if (shared) await (await shared.catch(() => null))?.dispose();
}

export async function cpuRuntime(options: BackendOptions): Promise<Lease> {
  if (options.runtime) return { runtime: options.runtime, owned: false };
  if (options.threads !== undefined && options.threads > 1) {
    const create = providers.createParallelCpuRuntime;
    if (!create) {
      throw new MissingRuntimeError(`threads: ${options.threads} needs the parallel CPU reducer; in Node import from @hvm/accelerate/node, elsewhere leave threads out`);
    }
    return { runtime: create(options.threads), owned: true };
  }
  return { runtime: createCpuRuntime(), owned: true };
}
