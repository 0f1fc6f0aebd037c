/**
 * createWebGpuRuntime: ir's Runtime on an injected GPUDevice.
 */
import { type Book, DEFAULT_ENTRY, DEFAULT_MEMORY, ErrorCode, HvmError, type RunOptions, type Runtime, compileBook } from "@hvm/ir";
import { Driver, type GpuRunResult, LowParallelism } from "./driver.js";
import { type RoundTrace, emptyProfile } from "./profile.js";
import { type KernelConfig, kernelConfig } from "./layout.js";

/** Default heap on CPU adapters (lavapipe): one 128 MiB binding; GPUs default to ir.DEFAULT_MEMORY. */
export const CPU_ADAPTER_MEMORY = 128 << 20;

export interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
}

export interface WebGpuRuntimeOptions {
  device: GPUDevice;
  /** Names the runtime and picks the kernel geometry (CPU adapters get a narrow one). */
  adapterInfo?: AdapterInfoLike;
  /** Override the kernel geometry (workgroup size, width, budget, local stack). */
  kernel?: Partial<KernelConfig>;
  /** Cap one heap storage binding below the device's limit (the heap is split over more bindings). */
  maxBindingBytes?: number;
  /**
   * Where programs with little parallelism go: when the redex bag never held
   * more than 32 redexes during the first 0.25 s of reduction, the GPU run is
   * dropped and the program is run from the start on this runtime (its
   * result carries `stats.fallback`). Without it such programs stay on the GPU.
   */
  fallback?: Runtime;
  /** Profiling: run one dispatch per host round trip and report each round (slower; for the bench). */
  onRound?: (r: RoundTrace) => void;
  /** Leak checks: after each run, read the whole used heap back and report the slots still in use as stats.liveSlots (costs a full heap readback). */
  countLiveSlots?: boolean;
}

export interface WebGpuRuntime extends Runtime {
  run(book: Book, opts?: RunOptions): Promise<GpuRunResult>;
  readonly kernel: KernelConfig;
}

/** A short name for an adapter: its device name (e.g. nvidia-h200), else its description, else vendor/architecture. */
export function adapterName(info: AdapterInfoLike | undefined): string {
  if (!info) return "gpu";
  for (const s of [info.device, info.description]) if (s && s.trim() !== "") return s.trim();
  const parts = [info.vendor, info.architecture].filter((s) => s && s.trim() !== "");
  return parts.length > 0 ? parts.join(" ") : "gpu";
}

/** Everything an adapter says about itself, for matching `--adapter NAME`. */
export function adapterText(info: AdapterInfoLike | undefined): string {
  return [info?.vendor, info?.architecture, info?.device, info?.description].filter((s) => s).join(" ");
}

/** Adapters that run on the CPU (Mesa lavapipe/llvmpipe, SwiftShader). */
export function isCpuAdapter(info: AdapterInfoLike | undefined): boolean {
  const text = `${info?.vendor ?? ""} ${info?.architecture ?? ""} ${info?.device ?? ""} ${info?.description ?? ""}`.toLowerCase();
  return /llvmpipe|lavapipe|swiftshader|cpu/.test(text);
}

export function createWebGpuRuntime(opts: WebGpuRuntimeOptions): WebGpuRuntime {
  const info = opts.adapterInfo ?? (opts.device as GPUDevice & { adapterInfo?: AdapterInfoLike }).adapterInfo;
  const kernel = kernelConfig(isCpuAdapter(info), opts.kernel, opts.device.limits.maxComputeWorkgroupStorageSize);
  const driver = new Driver(opts.device, kernel, opts.maxBindingBytes, opts.onRound, opts.countLiveSlots);
  const defaultMemory = isCpuAdapter(info) ? CPU_ADAPTER_MEMORY : DEFAULT_MEMORY;
  let disposed = false;
  return {
    name: `webgpu:${adapterName(info)}`,
    kernel,
    async run(book: Book, runOpts: RunOptions = {}): Promise<GpuRunResult> {
      if (disposed) throw new HvmError(ErrorCode.DEVICE, "this WebGPU runtime was disposed; create a new one");
      const entry = runOpts.entry ?? DEFAULT_ENTRY;
      const compiled = compileBook(book, { entry });
      const index = compiled.index.get(entry);
      if (index === undefined) {
        throw new HvmError(ErrorCode.ENTRY_MISSING, `entry @${entry} is not defined; define it or pick one of: ${compiled.names.map((n) => `@${n}`).join(", ")}`);
      }
      try {
        return await driver.run(compiled, index, { ...runOpts, memory: runOpts.memory ?? defaultMemory }, opts.fallback !== undefined);
      } catch (e) {
        if (!(e instanceof LowParallelism) || !opts.fallback) throw e;
        const r = await opts.fallback.run(book, runOpts);
        const zero = { setup: 0, upload: 0, reduction: 0, readback: 0 };
        return { net: r.net, stats: { ...r.stats, timing: zero, rounds: 0, batches: 0, spreadRounds: 0, loneRounds: 0, heapNodes: 0, profile: emptyProfile(), fallback: `${opts.fallback.name} (${e.message})` } };
      }
    },
    async dispose(): Promise<void> {
      disposed = true;
      driver.dispose();
    },
  };
}
