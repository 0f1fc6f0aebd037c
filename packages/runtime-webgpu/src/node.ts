/**
 * Node edge (subpath export "./node"): WebGPU through Dawn (the `webgpu` npm
 * package). Creates devices, lists adapters for `hvm-cli gpus`, and builds a
 * ready runtime. Nothing here is imported by the pure entry. Dawn's native
 * module is loaded on first use, not when this module is imported: a bundle
 * that includes this file (the CLI, the bench app) starts without it and
 * still runs on the CPU where Dawn has no binary or fails to load.
 */
import { GpuError } from "./errors.js";
import { type AcquiredDevice, type AdapterSummary, type DeviceRequest, deviceFrom, pickAdapter, summarize } from "./device.js";
import { type WebGpuRuntime, type WebGpuRuntimeOptions, createWebGpuRuntime } from "./runtime.js";

let gpu: Promise<GPU> | undefined;

/**
 * Dawn's GPU object, created once per process on first use; installs the
 * WebGPU globals (GPUBufferUsage, ...). Rejects with a GpuError when the
 * `webgpu` package cannot be loaded on this platform.
 */
export function nodeGpu(): Promise<GPU> {
  gpu ??= import("webgpu").then(
    ({ create, globals }) => {
      Object.assign(globalThis, globals);
      return create([]);
    },
    (e: unknown) => {
      const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      throw new GpuError("loading Dawn (the webgpu package)", `${detail}; the CPU runtimes (--runtime cpu, cpu-parallel) do not need it`);
    },
  );
  return gpu;
}

async function adapters(): Promise<GPUAdapter[]> {
  const g = await nodeGpu();
  const out: GPUAdapter[] = [];
  for (const powerPreference of ["high-performance", "low-power"] as const) {
    const a = await g.requestAdapter({ powerPreference });
    if (a && !out.some((b) => summarize(b).name === summarize(a).name)) out.push(a);
  }
  return out;
}

/** Every adapter Dawn reaches, with the limits that matter to the reducer. */
export async function listAdapters(): Promise<AdapterSummary[]> {
  return (await adapters()).map(summarize);
}

/** A device on the adapter whose name contains `adapter` (default: the first). */
export async function requestNodeDevice(req: DeviceRequest = {}): Promise<AcquiredDevice> {
  return deviceFrom(pickAdapter(await adapters(), req.adapter));
}

/** A WebGPU runtime on a fresh Node device; dispose() also destroys the device. */
export async function createNodeWebGpuRuntime(req: DeviceRequest & Omit<WebGpuRuntimeOptions, "device" | "adapterInfo"> = {}): Promise<WebGpuRuntime> {
  const { device, adapterInfo } = await requestNodeDevice(req);
  const rt = createWebGpuRuntime({ device, adapterInfo, kernel: req.kernel, fallback: req.fallback, maxBindingBytes: req.maxBindingBytes });
  return {
    ...rt,
    name: rt.name,
    kernel: rt.kernel,
    run: rt.run,
    async dispose(): Promise<void> {
      await rt.dispose();
      device.destroy();
    },
  };
}

export * from "./index.js";
