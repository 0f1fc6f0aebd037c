/**
 * Printing terms and programs as .hvm text. The output parses back to the
 * same term: applications `(f a b)`, lambdas `λx body` (`λ*` for an unused
 * binder), operators in prefix form, lists `[1, 2, 3]`.
 */
import { OPERATORS } from "@hvm/ir";
import type { Binder, DataType, Definition, Pattern, Program, Term } from "./ast.js";
import { drive, spine } from "./terms.js";

const binder = (b: Binder): string => b ?? "*";

/** A term as text. Iterative (see `drive`): any nesting depth. */
export function showTerm(top: Term): string {
  return drive<Term, string>(top, function* step(t): Generator<Term, string, string> {
    switch (t.kind) {
      case "var":
        return t.name;
      case "lam":
        return `λ${binder(t.bind)} ${yield t.body}`;
      case "app": {
        const parts: string[] = [];
        for (const x of spine(t)) parts.push(yield x);
        // `(* a b)` reads as a multiplication: an applied eraser takes one argument per parenthesis.
        if (parts[0] === "*" && parts.length > 2) return `((* ${parts[1]}) ${parts.slice(2).join(" ")})`;
        return `(${parts.join(" ")})`;
      }
      case "num":
        return String(t.value);
      case "op": {
        const left = yield t.left;
        return `(${OPERATORS[t.op].symbol} ${left} ${yield t.right})`;
      }
      case "match": {
        const scrutinee = yield t.scrutinee;
        const zero = yield t.zero;
        const succ = yield t.succ;
        if (t.lifted) return `(match ${scrutinee} ${zero} ${succ})`;
        return `match ${scrutinee} { 0: ${zero}; 1+${binder(t.pred)}: ${succ} }`;
      }
      case "case": {
        const scrutinee = yield t.scrutinee;
        const arms: string[] = [];
        for (const a of t.arms) {
          const head = a.binds.length === 0 ? a.ctr : `(${[a.ctr, ...a.binds.map(binder)].join(" ")})`;
          arms.push(`${head}: ${yield a.body}`);
        }
        return `match ${scrutinee} { ${arms.join("; ")} }`;
      }
      case "let": {
        const value = yield t.value;
        return `let ${binder(t.bind)} = ${value}; ${yield t.body}`;
      }
      case "dup": {
        const value = yield t.value;
        return `dup ${t.label === undefined ? "" : `#${t.label} `}${binder(t.left)} ${binder(t.right)} = ${value}; ${yield t.body}`;
      }
      case "era":
        return "*";
      case "list": {
        const items: string[] = [];
        for (const x of t.items) items.push(yield x);
        return `[${items.join(", ")}]`;
      }
      case "sup": {
        const left = yield t.left;
        return `{#${t.label} ${left} ${yield t.right}}`;
      }
    }
  });
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
