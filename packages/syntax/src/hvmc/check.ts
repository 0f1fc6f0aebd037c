/**
 * checkSource: every problem of a .hvmc source at once: syntax errors (with
 * recovery at the next definition) and ir's validation of whatever parsed.
 * Definitions whose body failed to parse still count as defined, so
 * references to them are not reported a second time.
 */
import { validateBook, type Definition, type Diagnostic } from "@hvm/ir";
import { parseBookPartial } from "./parser.js";

export interface CheckOptions {
  /** The entry definition to require; not checked when omitted. */
  readonly entry?: string;
}

export function checkSource(source: string, _file: string, opts: CheckOptions = {}): Diagnostic[] {
  const { book, diagnostics, broken } = parseBookPartial(source);
  const parsed = new Set(book.defs.map((d) => d.name));
  const stand: Definition[] = [...new Set(broken)].filter((name) => !parsed.has(name)).map((name) => ({ name, net: { root: { kind: "era" }, redexes: [] } }));
  const validation = validateBook({ defs: [...book.defs, ...stand] }, opts);
  return [...diagnostics, ...validation].sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
}
