/**
 * Named errors of the bench app, each with an actionable message.
 */
import { HvmError } from "@hvm/ir";

export const BenchErrorCode = {
  TIMEOUT: "E_BENCH_TIMEOUT",
  NO_PROGRAMS: "E_BENCH_NO_PROGRAMS",
  NO_RUNTIMES: "E_BENCH_NO_RUNTIMES",
  PROGRAM: "E_BENCH_PROGRAM",
} as const;

/** One run took longer than --timeout; the runtime is disposed and the case reported as an error. */
export class RunTimeoutError extends HvmError {
  constructor(readonly seconds: number) {
    super(BenchErrorCode.TIMEOUT, `a run took longer than ${seconds} s; raise --timeout to wait longer`);
  }
}

/** The filters left no program to run. */
export class NoProgramsError extends HvmError {
  constructor(filter: string, available: readonly string[]) {
    super(
      BenchErrorCode.NO_PROGRAMS,
      `no benchmark program matches "${filter}"; available: ${available.join(", ") || "(none)"}`,
    );
  }
}

/** The filters left no runtime to run on. */
export class NoRuntimesError extends HvmError {
  constructor(filter: string, available: readonly string[]) {
    super(
      BenchErrorCode.NO_RUNTIMES,
      `no runtime matches "${filter}"; available: ${available.join(", ") || "(none)"}`,
    );
  }
}

/** A suite program could not be loaded (parse error, missing reference normal form). */
export class ProgramLoadError extends HvmError {
  constructor(name: string, reason: string) {
    super(BenchErrorCode.PROGRAM, `benchmark program ${name} cannot be loaded: ${reason}`);
  }
}
