/**
 * Options shared by the commands that run programs (`run`, `bench`): the
 * entry, heap and limit flags, `--runtime`, and every flag a registered
 * runtime declares.
 */
import type { Command } from "commander";
import type { RunOptions } from "@hvm/ir";
import { parseCount, parseMemory } from "../options.js";
import { RUNTIME_FLAGS } from "../runtimes.js";

export interface ReduceFlags {
  readonly entry: string;
  readonly memory?: number;
  readonly maxInteractions?: number;
}

export function addReduceFlags(cmd: Command): Command {
  cmd
    .option("-e, --entry <name>", "entry definition", "main")
    .option("-m, --memory <size>", "heap limit: 512K, 512M, 4G or bytes (default: the runtime's, 1G for cpu)", parseMemory)
    .option("--max-interactions <n>", "stop with an error after this many interactions", parseCount);
  for (const flag of RUNTIME_FLAGS) {
    if (flag.parse) cmd.option(flag.flags, flag.description, flag.parse, flag.defaultValue);
    else cmd.option(flag.flags, flag.description, flag.defaultValue as string | boolean | string[] | undefined);
  }
  return cmd;
}

export function runOptions(flags: ReduceFlags, extra: Partial<RunOptions> = {}): RunOptions {
  const opts: RunOptions = { entry: flags.entry, ...extra };
  if (flags.memory !== undefined) opts.memory = flags.memory;
  if (flags.maxInteractions !== undefined) opts.maxInteractions = flags.maxInteractions;
  return opts;
}

/** Abort the controller on Ctrl-C while `work` runs. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once("SIGINT", onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
  }
}
