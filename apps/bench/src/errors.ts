/**
 * Named errors of the bench app, each with an actionable message.
 */
import { HvmError } from "@hvm/ir";

export const BenchErrorCode = {
  OPTIONS: "E_BENCH_OPTIONS",
  NO_PROGRAMS: "E_BENCH_NO_PROGRAMS",
  NO_RUNTIMES: "E_BENCH_NO_RUNTIMES",
  PROGRAM: "E_BENCH_PROGRAM",
} as const;

/** A command-line option has a value the bench cannot use. */
export class BenchOptionsError extends HvmError {
  constructor(option: string, value: string, expected: string) {
    super(BenchErrorCode.OPTIONS, `invalid value for ${option}: "${value}" (expected ${expected})`);
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
