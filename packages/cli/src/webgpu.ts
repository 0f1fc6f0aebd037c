/**
 * The WebGPU side of the CLI: the `webgpu` runtime and the `gpus` command.
 * @hvm/runtime-webgpu/node (Dawn) is imported lazily, so the CLI starts on
 * machines without the `webgpu` package or a GPU. `auto` lives in auto/.
 */
import type { Runtime } from "@hvm/ir";
import type { Command } from "commander";
import type { Io } from "./terminal.js";

type NodeGpu = typeof import("@hvm/runtime-webgpu/node");
const loadNodeGpu = (): Promise<NodeGpu> => import("@hvm/runtime-webgpu/node");

export async function createWebGpuCliRuntime(opts: Readonly<Record<string, unknown>>, fallback?: Runtime): Promise<Runtime> {
  const gpu = await loadNodeGpu();
  return gpu.createNodeWebGpuRuntime({ adapter: opts.adapter as string | undefined, fallback });
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
