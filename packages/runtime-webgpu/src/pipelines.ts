/**
 * Shader modules and pipelines, built once per (memory plan, kernel) shape
 * and cached per device. Creation errors are caught with error scopes and
 * reported as GpuError with the compiler's messages.
 */
import { GpuError } from "./errors.js";
import { type KernelConfig, type MemoryPlan, loneWorkgroups } from "./layout.js";
import { buildShader } from "./wgsl/kernel.js";

export interface Pipelines {
  readonly reduce: GPUComputePipeline;
  /** The spread rounds' reduce (override LONE), absent when no round is ever spread. */
  readonly lone?: GPUComputePipeline;
  readonly between: GPUComputePipeline;
  readonly main: GPUBindGroupLayout;
}

const storageEntry = (binding: number, readOnly: boolean): GPUBindGroupLayoutEntry => ({
  binding,
  visibility: GPUShaderStage.COMPUTE,
  buffer: { type: readOnly ? "read-only-storage" : "storage" },
});

export const pipelineKey = (plan: MemoryPlan, kernel: KernelConfig): string =>
  JSON.stringify([plan.heapBufferBytes.length, plan.bindingShift, plan.chunks, plan.bagCapacity, plan.ownerBase, kernel]);

async function compileErrors(module: GPUShaderModule): Promise<string> {
  const info = await module.getCompilationInfo();
  return info.messages
    .filter((m) => m.type === "error")
    .map((m) => `${m.lineNum}:${m.linePos} ${m.message}`)
    .join("\n");
}

export async function createPipelines(device: GPUDevice, plan: MemoryPlan, kernel: KernelConfig): Promise<Pipelines> {
  const code = buildShader(plan, kernel);
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ code, label: "hvm-reducer" });
  const main = device.createBindGroupLayout({
    label: "hvm-main",
    entries: [storageEntry(0, false), storageEntry(1, true), storageEntry(2, false), storageEntry(3, false), ...plan.heapBufferBytes.map((_, i) => storageEntry(4 + i, false))],
  });
  const scopeError = await device.popErrorScope();
  if (scopeError) throw new GpuError("compiling the reducer", (await compileErrors(module)) || scopeError.message);
  try {
    const pipeline = (label: string, entryPoint: string, constants?: Record<string, number>): Promise<GPUComputePipeline> =>
      device.createComputePipelineAsync({
        label,
        layout: device.createPipelineLayout({ bindGroupLayouts: [main] }),
        compute: { module, entryPoint, constants },
      });
    const [reduce, between, lone] = await Promise.all([
      pipeline("hvm-reduce", "reduce"),
      pipeline("hvm-between", "between"),
      loneWorkgroups(kernel) > 0 ? pipeline("hvm-reduce-lone", "reduce", { LONE: 1 }) : undefined,
    ]);
    return { reduce, between, lone, main };
  } catch (e) {
    const detail = (await compileErrors(module)) || (e instanceof Error ? e.message : String(e));
    throw new GpuError("creating the reducer pipelines", detail);
  }
}
