/**
 * The command that reduces a program.
 *
 * `run <file>`: reduce the entry to normal form and print it, with the stats
 * (-s) or as one JSON object (--json). (`bench` is in bench.ts.)
 */
import type { Command } from "commander";
import { printNet } from "@hvm/syntax";
import { addReduceFlags, runOptions, withInterrupt, type ReduceFlags } from "../options.js";
import { DEFAULT_RUNTIME, RUNTIME_FLAGS, findRuntime, runtimeHelp } from "../runtimes.js";
import { progressLine, type Io } from "../terminal.js";
import { formatJson, formatResult, loadBook } from "../text.js";

interface RunFlags extends ReduceFlags {
  readonly stats?: boolean;
  readonly json?: boolean;
  readonly net?: boolean;
  readonly runtime: string;
}

export function registerRun(program: Command, io: Io): void {
  const cmd = program
    .command("run")
    .description("reduce a program to normal form and print it")
    .argument("<file>", "a .hvmc book or a .hvm program")
    .option("-s, --stats", "print interaction counts, time and MIPS after the normal form")
    .option("--json", "print one JSON object {normalForm, stats, runtime}")
    .option("--net", "for a .hvm program: print the raw normal-form net instead of the term")
    .option("-r, --runtime <name>", `reducer to use: ${runtimeHelp()}`, DEFAULT_RUNTIME);
  addReduceFlags(cmd, RUNTIME_FLAGS).action(async (file: string, flags: RunFlags) => {
    const entry = findRuntime(flags.runtime);
    const loaded = loadBook(file, flags.entry, io.stderr);
    const { book } = loaded;
    const show = flags.net ? printNet : loaded.show;
    const runtime = await entry.create(flags as unknown as Record<string, unknown>);
    const progress = progressLine(io);
    try {
      const result = await withInterrupt((signal) => runtime.run(book, runOptions(flags, { signal, onProgress: progress.onProgress })));
      progress.done();
      io.stdout(flags.json ? formatJson(result, runtime.name, show) : formatResult(result, flags.stats === true, show));
    } finally {
      progress.done();
      await runtime.dispose();
    }
  });
}
