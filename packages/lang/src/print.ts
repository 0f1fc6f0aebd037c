/**
 * Printing terms and programs as .hvm text. The output parses back to the
 * same term: applications `(f a b)`, lambdas `λx body` (`λ*` for an unused
 * binder), operators in prefix form, lists `[1, 2, 3]`.
 */
import { OPERATORS } from "@hvm/ir";
import type { Binder, DataType, Definition, Pattern, Program, Term } from "./ast.js";
import { spine } from "./terms.js";

const binder = (b: Binder): string => b ?? "*";

/** A term as text. Lists and application spines print without recursion on their length. */
export function showTerm(t: Term): string {
  switch (t.kind) {
    case "var":
      return t.name;
    case "lam":
      return `λ${binder(t.bind)} ${showTerm(t.body)}`;
    case "app":
      return `(${spine(t).map(showTerm).join(" ")})`;
    case "num":
      return String(t.value);
    case "op":
      return `(${OPERATORS[t.op].symbol} ${showTerm(t.left)} ${showTerm(t.right)})`;
    case "match":
      if (t.lifted) return `(match ${showTerm(t.scrutinee)} ${showTerm(t.zero)} ${showTerm(t.succ)})`;
      return `match ${showTerm(t.scrutinee)} { 0: ${showTerm(t.zero)}; 1+${binder(t.pred)}: ${showTerm(t.succ)} }`;
    case "case":
      return `match ${showTerm(t.scrutinee)} { ${t.arms
        .map((a) => `${a.binds.length === 0 ? a.ctr : `(${[a.ctr, ...a.binds.map(binder)].join(" ")})`}: ${showTerm(a.body)}`)
        .join("; ")} }`;
    case "let":
      return `let ${binder(t.bind)} = ${showTerm(t.value)}; ${showTerm(t.body)}`;
    case "dup":
      return `dup ${t.label === undefined ? "" : `#${t.label} `}${binder(t.left)} ${binder(t.right)} = ${showTerm(t.value)}; ${showTerm(t.body)}`;
    case "era":
      return "*";
    case "list":
      return `[${t.items.map(showTerm).join(", ")}]`;
    case "sup":
      return `{#${t.label} ${showTerm(t.left)} ${showTerm(t.right)}}`;
  }
}

export function showPattern(p: Pattern): string {
  switch (p.kind) {
    case "pvar":
      return p.bind ?? "_";
    case "pnum":
      return String(p.value);
    case "pctr":
      return p.args.length === 0 ? p.name : `(${[p.name, ...p.args.map(showPattern)].join(" ")})`;
  }
}

export function showData(d: DataType): string {
  return `data ${d.name} = ${d.ctrs.map((c) => (c.fields.length === 0 ? c.name : `(${[c.name, ...c.fields].join(" ")})`)).join(" | ")}`;
}

export function showDefinition(d: Definition): string {
  return d.rules
    .map((r) => (r.pats.length === 0 ? `${d.name} = ${showTerm(r.body)}` : `(${[d.name, ...r.pats.map(showPattern)].join(" ")}) = ${showTerm(r.body)}`))
    .join("\n");
}

/** A whole program: data types first, then definitions, one blank line apart. */
export function showProgram(p: Program): string {
  return [...p.datas.map(showData), ...p.defs.map(showDefinition)].join("\n\n") + "\n";
}
