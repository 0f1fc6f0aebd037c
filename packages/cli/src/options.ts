/**
 * Command-line options: parsers for flag values, and the flags shared by the
 * commands that run programs (`run`, `bench`): entry, heap and limit flags,
 * plus the flags the registered runtimes declare.
 *
 * Parsers throw commander's InvalidArgumentError, so a bad value is a usage
 * error (exit code 2) with a message naming the flag.
 */
import { InvalidArgumentError, type Command } from "commander";
import { type RunOptions, parseMemorySize } from "@hvm/ir";

/** `512K`, `512M`, `4G`, `1048576` (binary units; an optional `B`/`iB` suffix is accepted): ir's parseMemorySize. */
export function parseMemory(text: string): number {
  const bytes = parseMemorySize(text);
  if (bytes === undefined) throw new InvalidArgumentError(`expected a size like 512K, 512M, 4G or a number of bytes (8 at least, one node), got '${text}'`);
  return bytes;
}

/** A positive integer; `_` separators and scientific notation (`5e7`) are accepted. */
export function parseCount(text: string): number {
  const clean = text.trim().replaceAll("_", "");
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got '${text}'`);
  return n;
}

/** A comma-separated list, for `--runtime cpu,webgpu`; repeated flags accumulate. */
export function parseList(text: string, previous: string[] | undefined): string[] {
  const items = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new InvalidArgumentError(`expected a name, got '${text}'`);
  return [...(previous ?? []), ...items];
}

export interface ReduceFlags {
  readonly entry: string;
  readonly memory?: number;
  readonly maxInteractions?: number;
}

/** A flag a runtime needs (runtimes.ts lists them); registered on `run` and `bench`. */
export interface RuntimeFlag {
  /** Commander flag syntax, e.g. `--threads <n>`. */
  readonly flags: string;
  readonly description: string;
  readonly parse?: (value: string, previous: unknown) => unknown;
  readonly defaultValue?: unknown;
}

/** Register --entry, --memory, --max-interactions and the given runtime flags on `cmd`. */
export function addReduceFlags(cmd: Command, runtimeFlags: readonly RuntimeFlag[]): Command {
  cmd
    .option("-e, --entry <name>", "entry definition", "main")
    .option("-m, --memory <size>", "heap limit: 512K, 512M, 4G or bytes (default: the runtime's, 1G for cpu)", parseMemory)
    .option("--max-interactions <n>", "stop with an error after this many interactions", parseCount);
  for (const flag of runtimeFlags) {
    if (flag.parse) cmd.option(flag.flags, flag.description, flag.parse, flag.defaultValue);
    else cmd.option(flag.flags, flag.description, flag.defaultValue as string | boolean | string[] | undefined);
  }
  return cmd;
}

/** The RunOptions of parsed flags. */
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
