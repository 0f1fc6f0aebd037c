/**
 * Node-only: which runtimes this machine offers. The reference CPU reducer
 * always; the worker_threads reducer at each requested thread count; the
 * WebGPU reducer on every adapter Dawn reaches. The Node edges are imported
 * lazily, so a machine without the `webgpu` package still runs the rest.
 */
import { createCpuRuntime } from "@hvm/runtime-cpu";
import type { RuntimeTarget } from "./model.js";

export interface Unavailable {
  readonly id: string;
  readonly kind: RuntimeTarget["kind"];
  readonly error: string;
}

export interface Discovery {
  readonly targets: RuntimeTarget[];
  readonly unavailable: Unavailable[];
}

/** 1, 2, 4, ... up to `cpus`, and `cpus` itself. */
export function defaultThreadCounts(cpus: number): number[] {
  const out: number[] = [];
  for (let t = 1; t < cpus; t *= 2) out.push(t);
  out.push(Math.max(1, cpus));
  return out;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * WebGPU targets, one per adapter. Software adapters (llvmpipe, lavapipe,
 * SwiftShader) are left out when `software` is false: they measure a CPU
 * emulating a GPU.
 */
async function webgpuTargets(software: boolean): Promise<Discovery> {
  let node: typeof import("@hvm/runtime-webgpu/node");
  try {
    node = await import("@hvm/runtime-webgpu/node");
  } catch (e) {
    return { targets: [], unavailable: [{ id: "webgpu", kind: "webgpu", error: `the webgpu (Dawn) package cannot be loaded: ${message(e)}` }] };
  }
  let adapters: Awaited<ReturnType<typeof node.listAdapters>>;
  try {
    adapters = await node.listAdapters();
  } catch (e) {
    return { targets: [], unavailable: [{ id: "webgpu", kind: "webgpu", error: `listing adapters failed: ${message(e)}` }] };
  }
  if (adapters.length === 0) return { targets: [], unavailable: [{ id: "webgpu", kind: "webgpu", error: "Dawn found no adapter" }] };
  const targets: RuntimeTarget[] = [];
  const unavailable: Unavailable[] = [];
  adapters.forEach((a, i) => {
    const id = `webgpu:${i}`;
    if (!software && node.isCpuAdapter(a)) {
      unavailable.push({ id, kind: "webgpu", error: `${a.name} is a software adapter, left out by --no-software-gpu` });
      return;
    }
    targets.push({
      id,
      kind: "webgpu",
      adapter: {
        vendor: a.vendor,
        architecture: a.architecture,
        device: a.device,
        description: a.description,
        driver: a.name,
        limits: { ...a.limits },
        features: a.features,
      },
      create: () => node.createNodeWebGpuRuntime({ adapter: a.name }),
    });
  });
  return { targets, unavailable };
}

export interface DiscoverOptions {
  readonly threads: readonly number[];
  readonly want: (kind: RuntimeTarget["kind"]) => boolean;
  /** Include software WebGPU adapters. */
  readonly softwareGpu: boolean;
}

export async function discoverTargets(opts: DiscoverOptions): Promise<Discovery> {
  const targets: RuntimeTarget[] = [];
  const unavailable: Unavailable[] = [];
  if (opts.want("cpu")) targets.push({ id: "cpu", kind: "cpu", create: async () => createCpuRuntime() });
  if (opts.want("cpu-parallel")) {
    try {
      const { createParallelCpuRuntime } = await import("@hvm/runtime-cpu/node");
      for (const threads of opts.threads) {
        targets.push({ id: `cpu-parallel:${threads}`, kind: "cpu-parallel", threads, create: async () => createParallelCpuRuntime({ threads }) });
      }
    } catch (e) {
      unavailable.push({ id: "cpu-parallel", kind: "cpu-parallel", error: message(e) });
    }
  }
  if (opts.want("webgpu")) {
    const gpu = await webgpuTargets(opts.softwareGpu);
    targets.push(...gpu.targets);
    unavailable.push(...gpu.unavailable);
  }
  return { targets, unavailable };
}
