/**
 * The engine `auto` hands wide nets to, made the first time a net is wide:
 *
 * 1. WebGPU on a hardware adapter (`--adapter NAME` picks one, a software
 *    one such as lavapipe included; without it software adapters are
 *    skipped: they run the reducer on the CPU, slower than cpu-parallel).
 *    Before it counts as ready it runs a one-node book at the run's heap
 *    size, which compiles the pipelines and allocates the heap that the
 *    handed-over net then reuses, while the reference keeps reducing. Its
 *    fallback for nets that turn out narrow on the GPU is the reference.
 * 2. Else cpu-parallel when the machine has more than one core.
 * 3. Else none: the reference finishes every program.
 */
import { type Book, type Runtime, era } from "@hvm/ir";
import type { EngineFactory } from "./runtime.js";

/** Makes a WebGPU runtime with a fallback; undefined when there is no adapter auto should use. */
export type GpuFactory = (opts: Readonly<Record<string, unknown>>, fallback: Runtime) => Promise<Runtime | undefined>;

/** The warm-up book: one eraser, nothing to reduce. */
const WARM_UP: Book = { defs: [{ name: "main", net: { root: era(), redexes: [] } }] };

/** WebGPU through Dawn, on the adapter `--adapter` names, else on the first hardware adapter. */
export const autoGpu: GpuFactory = async (opts, fallback) => {
  const gpu = await import("@hvm/runtime-webgpu/node");
  let adapter = opts.adapter as string | undefined;
  if (adapter === undefined) {
    const hardware = (await gpu.listAdapters()).find((a) => !gpu.isCpuAdapter(a));
    if (!hardware) return undefined;
    adapter = hardware.name;
  }
  return gpu.createNodeWebGpuRuntime({ adapter, fallback });
};

/**
 * `reference` makes the GPU's fallback, `parallel` the CPU engine (undefined
 * on one core), `gpuWith` the GPU runtime (injected by tests).
 */
export function cliEngine(
  opts: Readonly<Record<string, unknown>>,
  reference: () => Runtime,
  parallel: () => Runtime | undefined,
  gpuWith: GpuFactory = autoGpu,
): EngineFactory {
  return async (memory) => {
    const gpu = await gpuWith(opts, reference()).catch(() => undefined);
    if (gpu) {
      try {
        await gpu.run(WARM_UP, { memory });
        return gpu;
      } catch {
        await gpu.dispose();
      }
    }
    return parallel();
  };
}
