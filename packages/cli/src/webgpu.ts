/**
 * The WebGPU side of the CLI: the `webgpu` and `auto` runtimes and the
 * `gpus` command. @hvm/runtime-webgpu/node (Dawn) is imported lazily, so the
 * CLI starts on machines without the `webgpu` package or a GPU.
 *
 * `auto`: a program first runs on the single-thread CPU reference for up
 * to AUTO_PROBE_INTERACTIONS interactions; if it finishes, that is the
 * result (small programs never pay the GPU's or the workers' start-up).
 * Otherwise it runs on the WebGPU runtime when an adapter exists, which
 * hands programs whose redex bag stays at 32 or fewer for the first 0.25 s
 * of reduction (sequential ones) back to the reference (the fastest runtime
 * for a sequential program: cpu-parallel only adds its cost of cell form);
 * with no adapter it runs on the parallel CPU runtime.
 */
import { InteractionLimitError, type Book, type RunOptions, type RunResult, type Runtime } from "@hvm/ir";
import type { Command } from "commander";
import type { Io } from "./terminal.js";

export const AUTO_PROBE_INTERACTIONS = 1_000_000;

type NodeGpu = typeof import("@hvm/runtime-webgpu/node");
const loadNodeGpu = (): Promise<NodeGpu> => import("@hvm/runtime-webgpu/node");

export async function createWebGpuCliRuntime(opts: Readonly<Record<string, unknown>>, fallback?: Runtime): Promise<Runtime> {
  const gpu = await loadNodeGpu();
  return gpu.createNodeWebGpuRuntime({ adapter: opts.adapter as string | undefined, fallback });
}

/**
 * `reference`: makes the single-thread CPU runtime (the probe and the GPU's
 * fallback); `parallel`: the CPU runtime for large programs without a GPU;
 * `gpu`: the WebGPU runtime with a fallback (throws when there is no adapter).
 */
export function createAutoRuntime(
  opts: Readonly<Record<string, unknown>>,
  reference: () => Runtime,
  parallel: () => Runtime,
  gpuWith: (opts: Readonly<Record<string, unknown>>, fallback: Runtime) => Promise<Runtime> = createWebGpuCliRuntime,
): Runtime {
  const probe = reference();
  let gpu: Runtime | undefined;
  return {
    name: "auto",
    async run(book: Book, runOpts: RunOptions = {}): Promise<RunResult> {
      const limit = runOpts.maxInteractions ?? Infinity;
      try {
        return await probe.run(book, { ...runOpts, maxInteractions: Math.min(limit, AUTO_PROBE_INTERACTIONS) });
      } catch (e) {
        if (!(e instanceof InteractionLimitError) || limit <= AUTO_PROBE_INTERACTIONS) throw e;
      }
      if (!gpu) {
        try {
          gpu = await gpuWith(opts, reference());
        } catch {
          gpu = parallel();
        }
      }
      return gpu.run(book, runOpts);
    },
    async dispose(): Promise<void> {
      await probe.dispose();
      await gpu?.dispose();
    },
  };
}

/** `hvm-cli gpus [--json]`: the adapters WebGPU reaches here, with the limits the reducer uses. */
export function registerGpus(program: Command, io: Io): void {
  program
    .command("gpus")
    .description("list the WebGPU adapters (vendor, architecture, device, driver, key limits)")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      const gpu = await loadNodeGpu();
      const adapters = await gpu.listAdapters();
      if (o.json) {
        io.stdout(`${JSON.stringify(adapters, null, 2)}\n`);
        return;
      }
      if (adapters.length === 0) {
        io.stdout("no WebGPU adapter found (on Linux CPUs install Mesa lavapipe: mesa-vulkan-drivers)\n");
        return;
      }
      for (const a of adapters) {
        const l = a.limits;
        io.stdout(`${a.name}\n  vendor ${a.vendor || "-"}, architecture ${a.architecture || "-"}, device ${a.device || "-"}, driver ${a.description || "-"}\n`);
        io.stdout(`  storage binding ${l.maxStorageBufferBindingSize} B, buffer ${l.maxBufferSize} B, workgroup memory ${l.maxComputeWorkgroupStorageSize} B, ${l.maxComputeInvocationsPerWorkgroup} invocations/workgroup, ${l.maxStorageBuffersPerShaderStage} storage buffers/stage\n`);
      }
    });
}
