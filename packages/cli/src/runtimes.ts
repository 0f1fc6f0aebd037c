/**
 * The runtime registry: the ONE place that knows which reducers the CLI can
 * run. `run`, `bench` and `--help` read this list; adding a runtime is one
 * entry here (plus its flags in RUNTIME_FLAGS when it needs any).
 *
 * A factory receives every parsed option of the command (commander's
 * camel-cased names, e.g. `threads`, `adapter`), so runtime-specific flags
 * need no plumbing through the commands.
 */
import { availableParallelism } from "node:os";
import type { Runtime } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { UsageError } from "./errors.js";
import { parseCount, type RuntimeFlag } from "./options.js";
import { cliEngine } from "./auto/engine.js";
import { createAutoRuntime } from "./auto/runtime.js";
import { createWebGpuCliRuntime } from "./webgpu.js";

export type { RuntimeFlag };

/** The parsed options of the command that creates the runtime. */
export type RuntimeOptions = Readonly<Record<string, unknown>>;

export interface RuntimeEntry {
  /** The name given to `--runtime`. */
  readonly name: string;
  /** One line for `--help` and docs. */
  readonly description: string;
  readonly create: (opts: RuntimeOptions) => Runtime | Promise<Runtime>;
}

export const RUNTIMES: readonly RuntimeEntry[] = [
  {
    name: "cpu",
    description: "single-thread reference reducer (the executable spec)",
    create: () => createCpuRuntime(),
  },
  {
    name: "cpu-parallel",
    description: "multi-thread CPU reducer: worker_threads over a shared heap (--threads N, default: all cores)",
    create: (opts) => createParallelCpuRuntime({ threads: opts.threads as number | undefined }),
  },
  {
    name: "webgpu",
    description: "WGSL reducer on a WebGPU adapter through Dawn (--adapter NAME picks one; see `hvm-cli gpus`)",
    create: (opts) => createWebGpuCliRuntime(opts),
  },
  {
    name: "auto",
    description:
      "cpu, moving a partly reduced net to webgpu (a hardware adapter) or else cpu-parallel (more than one core) only while the net is wide; sequential programs stay on cpu",
    create: (opts) =>
      createAutoRuntime({
        engine: cliEngine(opts, createCpuRuntime, () =>
          availableParallelism() > 1 ? createParallelCpuRuntime({ threads: opts.threads as number | undefined }) : undefined,
        ),
      }),
  },
];

export const RUNTIME_FLAGS: readonly RuntimeFlag[] = [
  { flags: "--threads <n>", description: "worker threads for cpu-parallel (default: all cores)", parse: (v) => parseCount(v) },
  { flags: "--adapter <name>", description: "WebGPU adapter for webgpu/auto: a substring of its name (see `hvm-cli gpus`)", parse: (v) => v },
];

export const DEFAULT_RUNTIME = "cpu";

export function findRuntime(name: string): RuntimeEntry {
  const entry = RUNTIMES.find((r) => r.name === name);
  if (!entry) {
    throw new UsageError(`unknown runtime '${name}'; available: ${RUNTIMES.map((r) => r.name).join(", ")}`);
  }
  return entry;
}

/** The `--runtime` help text: every registered name with its description. */
export function runtimeHelp(): string {
  return RUNTIMES.map((r) => `${r.name} (${r.description})`).join("; ");
}
