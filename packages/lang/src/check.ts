/**
 * Static checks of a source program, all reported at once: unbound
 * variables, unknown constructors or functions, arity mismatches in patterns
 * and matches, numbers and labels out of range, duplicate binders.
 */
import { U24_MASK } from "@hvm/ir";
import type { Binder, Pattern, Program, Term } from "./ast.js";
import type { Env } from "./env.js";
import { Diagnostics, LangErrorCode } from "./errors.js";
import { drive } from "./terms.js";

const isUpper = (name: string): boolean => /^[A-Z]/.test(name);

export function checkProgram(prog: Program, env: Env, diags: Diagnostics): void {
  for (const d of prog.defs) {
    const arity = d.rules[0]?.pats.length ?? 0;
    if (arity === 0 && d.rules.length > 1) {
      const again = d.rules[1].span ?? d.span;
      const first = d.rules[0].span;
      diags.add(LangErrorCode.DEF_DUPLICATE, `${d.name} is defined twice${first ? ` (first at line ${first.line})` : ""}; only equations with patterns may repeat a name`, again, d.name);
    }
    for (const r of d.rules) {
      if (r.pats.length !== arity) {
        diags.add(
          LangErrorCode.ARITY,
          `arity mismatch: this equation of ${d.name} has ${r.pats.length} pattern(s), the first one has ${arity}; give every equation the same number of arguments`,
          r.span ?? d.span,
          d.name,
        );
      }
      const bound = new Set<string>();
      for (const p of r.pats) checkPattern(p, env, diags, d.name, bound);
      checkTerm(r.body, [...bound], env, diags, d.name);
    }
  }
}

function checkPattern(p: Pattern, env: Env, diags: Diagnostics, def: string, bound: Set<string>): void {
  const stack: Pattern[] = [p];
  while (stack.length > 0) {
    const q = stack.pop()!;
    switch (q.kind) {
      case "pvar":
        if (q.bind !== null) {
          if (bound.has(q.bind)) diags.add(LangErrorCode.PATTERN, `variable ${q.bind} is bound twice in one equation; rename one of them`, q.span, def);
          bound.add(q.bind);
        }
        break;
      case "pnum":
        if (q.value > U24_MASK) diags.add(LangErrorCode.NUM_RANGE, `number ${q.value} does not fit in 24 bits (max ${U24_MASK})`, q.span, def);
        break;
      case "pctr": {
        const info = env.ctrs.get(q.name);
        if (!info) {
          diags.add(LangErrorCode.CTR_UNKNOWN, `unknown constructor ${q.name} in a pattern${suggest(q.name, [...env.ctrs.keys()])}`, q.span, def);
        } else if (q.args.length !== info.arity) {
          diags.add(
            LangErrorCode.ARITY,
            `arity mismatch: constructor ${q.name} has ${info.arity} field(s) (${info.ctr.fields.join(", ") || "none"}), the pattern gives ${q.args.length}`,
            q.span,
            def,
          );
        }
        for (let i = q.args.length - 1; i >= 0; i--) stack.push(q.args[i]);
        break;
      }
    }
  }
}

/** Check a term under the given local names. Iterative (see `drive`): any nesting depth. */
function checkTerm(top: Term, params: readonly string[], env: Env, diags: Diagnostics, def: string): void {
  const scope = new Map<string, number>();
  const bind = (names: readonly Binder[], delta: number): void => {
    for (const n of names) if (n !== null) scope.set(n, (scope.get(n) ?? 0) + delta);
  };
  bind(params, 1);
  function* under(binds: readonly Binder[], body: Term): Generator<Term, void, void> {
    bind(binds, 1);
    yield body;
    bind(binds, -1);
  }
  drive<Term, void>(top, function* step(t): Generator<Term, void, void> {
    switch (t.kind) {
      case "var":
        if ((scope.get(t.name) ?? 0) > 0 || env.defs.has(t.name) || env.ctrs.has(t.name)) return;
        if (isUpper(t.name)) {
          const known = [...env.defs.keys(), ...env.ctrs.keys()];
          diags.add(LangErrorCode.FUN_UNKNOWN, `unknown constructor or function ${t.name}${suggest(t.name, known)}`, t.span, def);
        } else {
          const locals = [...scope].filter(([, c]) => c > 0).map(([n]) => n);
          diags.add(LangErrorCode.VAR_UNBOUND, `unbound variable ${t.name}${suggest(t.name, [...locals, ...env.defs.keys()])}`, t.span, def);
        }
        return;
      case "lam":
        return yield* under([t.bind], t.body);
      case "app":
        yield t.fun;
        return yield t.arg;
      case "num":
        if (t.value > U24_MASK) diags.add(LangErrorCode.NUM_RANGE, `number ${t.value} does not fit in 24 bits (max ${U24_MASK})`, t.span, def);
        return;
      case "op":
        yield t.left;
        return yield t.right;
      case "match":
        yield t.scrutinee;
        yield t.zero;
        return yield* under([t.pred], t.succ);
      case "case":
        yield t.scrutinee;
        checkCaseArms(t, env, diags, def);
        for (const a of t.arms) yield* under(a.binds, a.body);
        return;
      case "let":
        yield t.value;
        return yield* under([t.bind], t.body);
      case "dup":
        if (t.label !== undefined && (t.label < 1 || t.label > 5)) {
          diags.add(LangErrorCode.LABEL_RANGE, `dup label #${t.label} is out of range: use 1..5 (label 0 is the lambda/application node)`, t.span, def);
        }
        yield t.value;
        return yield* under([t.left, t.right], t.body);
      case "era":
        return;
      case "list":
        for (const x of t.items) yield x;
        if (!env.ctrs.has("Cons") || !env.ctrs.has("Nil")) {
          diags.add(LangErrorCode.CTR_UNKNOWN, "list literals need constructors Cons (2 fields) and Nil: declare data List = (Cons head tail) | Nil", t.span, def);
        }
        return;
      case "sup":
        yield t.left;
        return yield t.right;
    }
  });
}

function checkCaseArms(t: Term & { kind: "case" }, env: Env, diags: Diagnostics, def: string): void {
  const first = t.arms.map((a) => env.ctrs.get(a.ctr)).find((x) => x !== undefined);
  const seen = new Set<string>();
  for (const a of t.arms) {
    const info = env.ctrs.get(a.ctr);
    if (seen.has(a.ctr)) {
      diags.add(LangErrorCode.PATTERN, `match has two arms for ${a.ctr}; keep one`, a.span ?? t.span, def);
      continue;
    }
    seen.add(a.ctr);
    if (!info) {
      diags.add(LangErrorCode.CTR_UNKNOWN, `unknown constructor ${a.ctr} in a match arm${suggest(a.ctr, [...env.ctrs.keys()])}`, a.span ?? t.span, def);
    } else if (a.binds.length !== info.arity) {
      diags.add(LangErrorCode.ARITY, `arity mismatch: constructor ${a.ctr} has ${info.arity} field(s), the arm binds ${a.binds.length}`, a.span ?? t.span, def);
    } else if (first && info.type !== first.type) {
      diags.add(LangErrorCode.PATTERN, `match arm ${a.ctr} is of type ${info.type.name}, the match is on ${first.type.name}`, a.span ?? t.span, def);
    }
  }
  if (!first) return;
  const missing = first.type.ctrs.filter((c) => !t.arms.some((a) => a.ctr === c.name)).map((c) => c.name);
  if (missing.length > 0) {
    diags.add(LangErrorCode.NON_EXHAUSTIVE, `non-exhaustive match on ${first.type.name}: missing ${missing.join(", ")}`, t.span, def);
  }
}

/** A "did you mean" hint for a misspelt name. */
export function suggest(name: string, known: readonly string[]): string {
  let best = "";
  let bestD = name.length <= 2 ? 1 : Math.floor(name.length / 3) + 2;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best ? ` (did you mean ${best}?)` : "";
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
