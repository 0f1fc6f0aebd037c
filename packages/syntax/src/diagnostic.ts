/**
 * Human-readable diagnostics: `file:line:col: error[CODE]: message`, the
 * offending source line, and a caret line under the span (clipped to that
 * line). Shared by every language of this package.
 */
import type { Diagnostic } from "@hvm/ir";

/** Format a diagnostic with its source snippet (no trailing newline). */
export function formatDiagnostic(d: Diagnostic, source: string, file: string): string {
  const span = d.span;
  if (span === undefined) return `${file}: error[${d.code}]: ${d.message}`;
  const head = `${file}:${span.line}:${span.col}: error[${d.code}]: ${d.message}`;
  const lineStart = span.start - (span.col - 1);
  const nl = source.indexOf("\n", lineStart);
  const text = source.slice(lineStart, nl === -1 ? source.length : nl).replace(/\r$/, "");
  const pad = text.slice(0, span.col - 1).replace(/[^\t]/g, " ");
  const width = Math.max(1, Math.min(span.end, lineStart + text.length) - span.start);
  return `${head}\n${text}\n${pad}${"^".repeat(width)}`;
}

/** Format every diagnostic, one block after another, separated by newlines. */
export function formatDiagnostics(ds: readonly Diagnostic[], source: string, file: string): string {
  return ds.map((d) => formatDiagnostic(d, source, file)).join("\n");
}
