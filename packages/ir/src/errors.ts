/**
 * Named error classes shared by every package: diagnostics are data (code,
 * message, span) and runtime failures are typed errors with a code and an
 * actionable message.
 */
import type { Span } from "./ast.js";

export const ErrorCode = {
  SYNTAX: "E_SYNTAX",
  VAR_UNBOUND: "E_VAR_UNBOUND",
  VAR_THRICE: "E_VAR_THRICE",
  VAR_LOOP: "E_VAR_LOOP",
  REF_UNKNOWN: "E_REF_UNKNOWN",
  DEF_DUPLICATE: "E_DEF_DUPLICATE",
  LABEL_RANGE: "E_LABEL_RANGE",
  NUM_RANGE: "E_NUM_RANGE",
  ENTRY_MISSING: "E_ENTRY_MISSING",
  OUT_OF_MEMORY: "E_OUT_OF_MEMORY",
  INTERACTION_LIMIT: "E_INTERACTION_LIMIT",
  TYPE_PAIR: "E_TYPE_PAIR",
  ABORTED: "E_ABORTED",
  DEVICE: "E_DEVICE",
  READBACK: "E_READBACK",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem found in a program, located in its source. */
export interface Diagnostic {
  readonly code: ErrorCode | string;
  readonly message: string;
  readonly span?: Span;
  /** The definition it was found in, when there is one. */
  readonly def?: string;
}

/** Base class of every error this project throws on purpose. */
export class HvmError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One or more diagnostics found while checking a book. */
export class ValidationError extends HvmError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]?.code ?? ErrorCode.SYNTAX, diagnostics.map((d) => d.message).join("\n"));
  }
}

export class OutOfMemoryError extends HvmError {
  constructor(readonly nodes: number, readonly bytes: number) {
    super(ErrorCode.OUT_OF_MEMORY, `out of memory: ${nodes} nodes (${formatBytes(bytes)}) are not enough, raise --memory`);
  }
}

export class InteractionLimitError extends HvmError {
  constructor(readonly limit: number) {
    super(ErrorCode.INTERACTION_LIMIT, `interaction limit reached: ${limit} interactions without a normal form, raise --max-interactions`);
  }
}

/** Two numeric nodes met: OP2/OP1/MAT ~ OP2/OP1/MAT. */
export class TypeErrorPair extends HvmError {
  constructor(readonly left: string, readonly right: string) {
    super(ErrorCode.TYPE_PAIR, `type error: ${left} ~ ${right} has no interaction rule (two numeric nodes met)`);
  }
}

export class AbortedError extends HvmError {
  constructor() {
    super(ErrorCode.ABORTED, "reduction aborted");
  }
}

export class ReadbackError extends HvmError {
  constructor(message: string) {
    super(ErrorCode.READBACK, `readback failed: ${message}`);
  }
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let u = 0;
  let n = bytes;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[u]}`;
}
