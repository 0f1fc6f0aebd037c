/**
 * Errors of @hvm/accelerate. Static problems are collected and thrown
 * together as one AccelerateError; dynamic checks of `debug` mode throw
 * DebugCheckError; a missing GPU throws NoAdapterError naming the modes that
 * work without one.
 */
import { HvmError } from "@hvm/ir";

export const AccelerateCode = {
  UNSUPPORTED: "E_ACC_UNSUPPORTED",
  FREE_IDENTIFIER: "E_ACC_FREE_IDENTIFIER",
  ARITY: "E_ACC_ARITY",
  SHAPE: "E_ACC_SHAPE",
  INPUT: "E_ACC_INPUT",
  RANGE: "E_ACC_RANGE",
  ASSOCIATIVITY: "E_ACC_ASSOCIATIVITY",
  MISMATCH: "E_ACC_MISMATCH",
  NO_ADAPTER: "E_ACC_NO_ADAPTER",
  NO_RUNTIME: "E_ACC_NO_RUNTIME",
  RESULT: "E_ACC_RESULT",
} as const;
export type AccelerateCode = (typeof AccelerateCode)[keyof typeof AccelerateCode];

/** One problem found in a function, located within the function's own source. */
export interface AccelerateDiagnostic {
  readonly code: AccelerateCode;
  /** The function it was found in: its scope name, or `map`, `reduce`, ... for the marked function. */
  readonly fn: string;
  /** 1-based line within the function's source. */
  readonly line: number;
  /** 1-based column within the function's source. */
  readonly col: number;
  readonly message: string;
}

export const formatDiagnostic = (d: AccelerateDiagnostic): string => `${d.fn}:${d.line}:${d.col}: ${d.message}`;

/** Every unsupported construct, free identifier and arity problem of an expression, reported at once. */
export class AccelerateError extends HvmError {
  constructor(readonly diagnostics: readonly AccelerateDiagnostic[]) {
    super(
      diagnostics[0]?.code ?? AccelerateCode.UNSUPPORTED,
      `cannot accelerate: ${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join("\n"),
    );
  }
}

/** A dynamic check of `debug` mode failed (u24 range, associativity, or compiled != sequential). */
export class DebugCheckError extends HvmError {
  constructor(code: AccelerateCode, message: string) {
    super(code, message);
  }
}

/** An input array or value the number model cannot represent. */
export class InputError extends HvmError {
  constructor(message: string) {
    super(AccelerateCode.INPUT, message);
  }
}

/** `gpu` mode was asked for and no WebGPU adapter exists. */
export class NoAdapterError extends HvmError {
  constructor(detail: string) {
    super(
      AccelerateCode.NO_ADAPTER,
      `no WebGPU adapter is available (${detail}): run with { mode: "cpu" } (the reference reducer, or { mode: "cpu", threads: N }), ` +
        `or { mode: "sequential" } (plain JavaScript), or pass { device } (a GPUDevice)`,
    );
  }
}

/** A runtime this environment did not register (the parallel CPU reducer outside `@hvm/accelerate/node`). */
export class MissingRuntimeError extends HvmError {
  constructor(message: string) {
    super(AccelerateCode.NO_RUNTIME, message);
  }
}

/** The normal form of a run does not have the shape the expression promised. */
export class ResultShapeError extends HvmError {
  constructor(message: string) {
    super(AccelerateCode.RESULT, `unexpected normal form: ${message}`);
  }
}
