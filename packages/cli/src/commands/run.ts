/**
 * `hvm-cli run <file>`: reduce the entry to normal form and print it, with
 * the stats (-s) or as one JSON object (--json).
 */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { formatJson, formatResult } from "../output.js";
import { progressLine } from "../progress.js";
import { DEFAULT_RUNTIME, findRuntime, runtimeHelp } from "../runtimes.js";
import { loadBook } from "../source.js";
import { addReduceFlags, runOptions, withInterrupt, type ReduceFlags } from "./shared.js";

interface RunFlags extends ReduceFlags {
  readonly stats?: boolean;
  readonly json?: boolean;
  readonly runtime: string;
}

export function registerRun(program: Command, io: Io): void {
  const cmd = program
    .command("run")
    .description("reduce a program to normal form and print it")
    .argument("<file>", "a .hvmc file")
    .option("-s, --stats", "print interaction counts, time and MIPS after the normal form")
    .option("--json", "print one JSON object {normalForm, stats, runtime}")
    .option("-r, --runtime <name>", `reducer to use: ${runtimeHelp()}`, DEFAULT_RUNTIME);
  addReduceFlags(cmd).action(async (file: string, flags: RunFlags) => {
    const entry = findRuntime(flags.runtime);
    const { book } = loadBook(file, flags.entry, io.stderr);
    const runtime = await entry.create(flags as unknown as Record<string, unknown>);
    const progress = progressLine(io.progressStream ?? process.stderr, io.progressStream !== undefined);
    try {
      const result = await withInterrupt((signal) => runtime.run(book, runOptions(flags, { signal, onProgress: progress.onProgress })));
      progress.done();
      io.stdout(flags.json ? formatJson(result, runtime.name) : formatResult(result, flags.stats === true));
    } finally {
      progress.done();
      await runtime.dispose();
    }
  });
}
