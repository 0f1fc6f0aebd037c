/**
 * Errors of the command-line layer. Program and runtime failures come from
 * @hvm/ir (HvmError subclasses); these cover what only the CLI can get wrong.
 * Every class carries the process exit code it maps to.
 */
import { HvmError } from "@hvm/ir";

/** Exit codes of `hvm-cli` (docs/cli.md). */
export const ExitCode = {
  OK: 0,
  /** The program or the runtime failed: syntax, validation, OOM, limit, type error, missing file. */
  FAILURE: 1,
  /** The command line was wrong: unknown command or flag, bad flag value. */
  USAGE: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  INTERRUPTED: 130,
} as const;

/** A bad command line (unknown runtime, malformed size); exits with 2. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.USAGE;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The input file cannot be read; exits with 1. */
export class InputFileError extends HvmError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super("E_FILE", `cannot read ${file}: ${reason}`);
  }
}

/** One or more diagnostics were printed already; exits with 1 and prints nothing more. */
export class ReportedError extends Error {
  constructor(readonly count: number) {
    super(`${count} error${count === 1 ? "" : "s"}`);
    this.name = "ReportedError";
  }
}

/** `bench` found runs that differ from NAME.expected or from the first runtime; exits with 1. */
export class BenchMismatchError extends HvmError {
  constructor(wrong: number, disagreements: number) {
    const parts = [
      ...(wrong > 0 ? [`${wrong} program/runtime pair(s) differ from their .expected file (normal form, interaction count or per-rule counts)`] : []),
      ...(disagreements > 0 ? [`${disagreements} program/runtime pair(s) disagree with the first runtime on the normal form or the per-rule counts`] : []),
    ];
    super("E_BENCH_MISMATCH", `${parts.join("; ")}; the reference reducer (--runtime cpu) is the executable spec`);
  }
}
