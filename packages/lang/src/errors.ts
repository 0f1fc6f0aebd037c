/**
 * Diagnostics of hvm-lang. A program is checked as a whole and every problem
 * is reported at once as a LangError (an ir ValidationError, so tools that
 * format ir diagnostics format these too).
 */
import { ErrorCode, HvmError, ValidationError, type Diagnostic, type Span } from "@hvm/ir";

export const LangErrorCode = {
  VAR_UNBOUND: ErrorCode.VAR_UNBOUND,
  ENTRY_MISSING: ErrorCode.ENTRY_MISSING,
  NUM_RANGE: ErrorCode.NUM_RANGE,
  LABEL_RANGE: ErrorCode.LABEL_RANGE,
  DEF_DUPLICATE: ErrorCode.DEF_DUPLICATE,
  CTR_UNKNOWN: "E_CTR_UNKNOWN",
  FUN_UNKNOWN: "E_FUN_UNKNOWN",
  CTR_DUPLICATE: "E_CTR_DUPLICATE",
  NON_EXHAUSTIVE: "E_NON_EXHAUSTIVE",
  ARITY: "E_ARITY",
  DUP_UNSAFE: "E_DUP_UNSAFE",
  PATTERN: "E_PATTERN",
  TOO_DEEP: "E_TOO_DEEP",
} as const;
export type LangErrorCode = (typeof LangErrorCode)[keyof typeof LangErrorCode];

/** Every problem found in a program. */
export class LangError extends ValidationError {
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics);
  }
}

/** A net that is not the normal form of a program (readback of terms). */
export class TermReadbackError extends HvmError {
  constructor(message: string) {
    super(ErrorCode.READBACK, `term readback failed: ${message}`);
  }
}

/** Collects diagnostics while a pass walks a program. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  add(code: string, message: string, span?: Span, def?: string): void {
    this.list.push({ code, message, ...(span ? { span } : {}), ...(def ? { def } : {}) });
  }
  /** Throw every diagnostic so far, in source order (those without a location last). */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const at = (d: Diagnostic): number => d.span?.start ?? Number.MAX_SAFE_INTEGER;
    throw new LangError([...this.list].sort((a, b) => at(a) - at(b)));
  }
}
