/**
 * Runtime selection. Any ir Runtime can be injected (`options.runtime`);
 * otherwise `cpu` makes the single-thread reference reducer (or, with
 * `threads > 1`, the worker_threads reducer of `@hvm/runtime-cpu/node`), and
 * `gpu` makes the WebGPU reducer on `options.device`, on `navigator.gpu` in
 * browsers, or on a Dawn device from `@hvm/runtime-webgpu/node` in Node.
 * The Node-only modules are loaded lazily, so this module stays importable
 * in browsers.
 */
import type { Runtime } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { NoAdapterError } from "./errors.js";

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

interface NavigatorGpu {
  requestAdapter(): Promise<{ requestDevice(): Promise<unknown> } | null>;
}

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

const browserGpu = (): NavigatorGpu | undefined => (globalThis as { navigator?: { gpu?: NavigatorGpu } }).navigator?.gpu;

/** A fresh GPUDevice, or null with the reason when no adapter exists. */
async function requestDevice(): Promise<{ device: unknown } | { missing: string }> {
  const gpu = browserGpu();
  if (gpu) {
    const adapter = await gpu.requestAdapter();
    return adapter ? { device: await adapter.requestDevice() } : { missing: "navigator.gpu.requestAdapter() returned null" };
  }
  if (!isNode()) return { missing: "this environment has no navigator.gpu" };
  try {
    const node = await import("@hvm/runtime-webgpu/node");
    const device = await node.createNodeDevice();
    return device ? { device } : { missing: "Dawn found no adapter" };
  } catch (e) {
    return { missing: (e as Error).message };
  }
}

let adapterProbe: Promise<boolean> | null = null;

/** Whether a WebGPU adapter exists here (probed once). */
export function hasGpuAdapter(): Promise<boolean> {
  adapterProbe ??= requestDevice().then(
    async (r) => {
      if ("device" in r) (r.device as { destroy?: () => void }).destroy?.();
      return "device" in r;
    },
    () => false,
  );
  return adapterProbe;
}

export async function gpuRuntime(options: BackendOptions): Promise<Lease> {
  if (options.runtime) return { runtime: options.runtime, owned: false };
  const { createWebGpuRuntime } = await import("@hvm/runtime-webgpu");
  if (options.device) return { runtime: createWebGpuRuntime({ device: options.device as GPUDevice }), owned: true };
  const r = await requestDevice();
  if ("missing" in r) throw new NoAdapterError(r.missing);
  return { runtime: createWebGpuRuntime({ device: r.device as GPUDevice }), owned: true };
}

export async function cpuRuntime(options: BackendOptions): Promise<Lease> {
  if (options.runtime) return { runtime: options.runtime, owned: false };
  if (options.threads !== undefined && options.threads > 1) {
    const { createParallelCpuRuntime } = await import("@hvm/runtime-cpu/node");
    return { runtime: createParallelCpuRuntime({ threads: options.threads }), owned: true };
  }
  return { runtime: createCpuRuntime(), owned: true };
}
