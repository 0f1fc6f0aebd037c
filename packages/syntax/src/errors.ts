/**
 * Errors of @hvm/syntax. A ParseError carries every syntax diagnostic found
 * (code E_SYNTAX, each with a span); its message names the first one as
 * `file:line:col: message`.
 */
import { ErrorCode, ValidationError, type Diagnostic, type Span } from "@hvm/ir";

export class ParseError extends ValidationError {
  constructor(
    diagnostics: readonly Diagnostic[],
    readonly file: string = "<input>",
  ) {
    super(diagnostics);
    this.message = diagnostics.map((d) => `${locate(file, d.span)}: ${d.message}`).join("\n");
  }
}

/** `file:line:col`, or `file` when there is no span. */
export function locate(file: string, span: Span | undefined): string {
  return span ? `${file}:${span.line}:${span.col}` : file;
}

/** A syntax diagnostic. */
export function syntaxDiagnostic(message: string, span: Span): Diagnostic {
  return { code: ErrorCode.SYNTAX, message, span };
}
