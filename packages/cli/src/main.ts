/**
 * The program: the command list, commander setup, and the one place that
 * turns errors into messages and exit codes (0 ok, 1 program/runtime error,
 * 2 usage error, 130 interrupted). No stack traces reach the user.
 *
 * A new command is a module with a `register(program, io)` function and one
 * entry in COMMANDS.
 */
import { Command, CommanderError } from "commander";
import { ErrorCode, HvmError } from "@hvm/ir";
import pkg from "../package.json" with { type: "json" };
import { registerBench } from "./commands/bench.js";
import { registerRun } from "./commands/reduce.js";
import { registerCheck, registerFmt } from "./commands/source.js";
import { registerCompile } from "./commands/compile.js";
import { ExitCode, ReportedError, UsageError } from "./errors.js";
import { registerGpus } from "./webgpu.js";
import { processIo, type Io } from "./terminal.js";

export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerRun, registerCheck, registerFmt, registerBench, registerGpus, registerCompile];

export const VERSION: string = pkg.version;

const USAGE_HINT = "(run with --help for usage)";

export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("hvm-cli")
    .description("Run .hvmc interaction-net programs on CPU and GPU reducers.")
    .version(VERSION, "-V, --version");
  for (const register of COMMANDS) register(program, io);
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError(USAGE_HINT);
  }
  return program;
}

/** Run the CLI on `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    return ExitCode.OK;
  } catch (e) {
    return report(e, io);
  }
}

function report(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    const ok = e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help";
    return ok ? ExitCode.OK : ExitCode.USAGE;
  }
  if (e instanceof ReportedError) return ExitCode.FAILURE;
  if (e instanceof UsageError) {
    io.stderr(`error: ${e.message}\n`);
    return ExitCode.USAGE;
  }
  if (e instanceof HvmError) {
    io.stderr(`error[${e.code}]: ${e.message}\n`);
    return e.code === ErrorCode.ABORTED ? ExitCode.INTERRUPTED : ExitCode.FAILURE;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`internal error: ${message}\n`);
  return ExitCode.FAILURE;
}
