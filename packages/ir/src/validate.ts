/**
 * Validation of a Book (DESIGN §3): every variable exactly twice, no wire
 * that closes on itself, known references, unique definitions, labels and
 * numbers in range, an entry. Returns every problem at once.
 */
import type { Book, Net, Span, Tree } from "./ast.js";
import { forEachTree } from "./ast.js";
import { ErrorCode, ValidationError, type Diagnostic } from "./errors.js";
import { LABEL_COUNT, VALUE_MAX } from "./port.js";

export interface ValidateOptions {
  /** The entry definition; checked when given. */
  readonly entry?: string;
}

/** All problems of a book, in source order. */
export function validateBook(book: Book, opts: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Span | undefined>();
  for (const def of book.defs) {
    if (seen.has(def.name)) {
      const first = seen.get(def.name);
      const where = first ? ` (first defined at line ${first.line})` : "";
      out.push({ code: ErrorCode.DEF_DUPLICATE, message: `duplicate definition @${def.name}${where}`, span: def.span, def: def.name });
    } else {
      seen.set(def.name, def.span);
    }
  }
  for (const def of book.defs) {
    for (const d of validateNet(def.net, (name) => seen.has(name))) out.push({ ...d, def: def.name });
  }
  if (opts.entry !== undefined && !seen.has(opts.entry)) {
    const names = [...seen.keys()];
    const hint = names.length > 0 ? `; definitions: ${names.slice(0, 8).map((n) => "@" + n).join(", ")}${names.length > 8 ? ", ..." : ""}` : "; the book is empty";
    out.push({ code: ErrorCode.ENTRY_MISSING, message: `missing entry: no definition @${opts.entry}${hint}` });
  }
  return out;
}

/** Throw a ValidationError listing every problem, if there is any. */
export function assertValidBook(book: Book, opts: ValidateOptions = {}): void {
  const diags = validateBook(book, opts);
  if (diags.length > 0) throw new ValidationError(diags);
}

/** Problems local to one net; `known` says whether a reference resolves. */
export function validateNet(net: Net, known: (name: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const occurrences = new Map<string, Tree[]>();
  forEachTree(net, (t) => {
    switch (t.kind) {
      case "var": {
        const list = occurrences.get(t.name);
        if (list) list.push(t);
        else occurrences.set(t.name, [t]);
        break;
      }
      case "ref":
        if (!known(t.name)) out.push({ code: ErrorCode.REF_UNKNOWN, message: `unknown reference @${t.name}`, span: t.span });
        break;
      case "ctr":
        if (!Number.isInteger(t.label) || t.label < 0 || t.label >= LABEL_COUNT) {
          out.push({ code: ErrorCode.LABEL_RANGE, message: `label ${t.label} out of range: labels are 0..${LABEL_COUNT - 1}`, span: t.span });
        }
        break;
      case "num":
      case "op1":
        if (!Number.isInteger(t.value) || t.value < 0 || t.value > VALUE_MAX) {
          out.push({ code: ErrorCode.NUM_RANGE, message: `number ${t.value} out of range: numbers are 0..${VALUE_MAX} (2^28 - 1)`, span: t.span });
        }
        break;
      default:
        break;
    }
  });
  for (const [name, list] of occurrences) {
    if (list.length === 1) {
      out.push({ code: ErrorCode.VAR_UNBOUND, message: `unbound variable '${name}': it occurs once, every variable must occur exactly twice`, span: list[0].span });
    } else if (list.length > 2) {
      out.push({ code: ErrorCode.VAR_THRICE, message: `variable '${name}' occurs ${list.length} times, every variable must occur exactly twice (use a DUP node to share it)`, span: list[2].span });
    }
  }
  out.push(...findLoops(net, occurrences));
  return out.sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
}

/** Wires made only of variables and var~var redexes that close on themselves (`& a ~ a`). */
function findLoops(net: Net, occurrences: Map<string, Tree[]>): Diagnostic[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const sidesAsRedex = new Map<string, number>();
  const redexOf = new Map<string, Span | undefined>();
  for (const r of net.redexes) {
    if (r.left.kind !== "var" || r.right.kind !== "var") continue;
    for (const n of [r.left.name, r.right.name]) {
      if (!parent.has(n)) parent.set(n, n);
      sidesAsRedex.set(n, (sidesAsRedex.get(n) ?? 0) + 1);
      if (!redexOf.has(n)) redexOf.set(n, r.span ?? r.left.span);
    }
    const a = find(r.left.name);
    const b = find(r.right.name);
    if (a !== b) parent.set(a, b);
  }
  const open = new Set<string>();
  for (const n of parent.keys()) {
    if ((occurrences.get(n)?.length ?? 0) !== 2 || sidesAsRedex.get(n) !== 2) open.add(find(n));
  }
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const n of parent.keys()) {
    const root = find(n);
    if (open.has(root) || reported.has(root)) continue;
    reported.add(root);
    out.push({
      code: ErrorCode.VAR_LOOP,
      message: `variable '${n}' is used on both sides of var ~ var redexes that close on themselves: the wire forms a loop with no node`,
      span: redexOf.get(n),
    });
  }
  return out;
}
