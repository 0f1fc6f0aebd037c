/**
 * Lambda lifting of match branches. Evaluation is eager: a branch's body is
 * reduced before the match picks it, so a branch that calls a definition
 * (a recursive call, typically) would unfold forever. Such matches get their
 * branches lifted into supercombinators, one top-level definition each,
 * taking the constructor fields (or the predecessor) and then the free
 * variables of the match:
 *
 *   match n { 0: z; 1+p: s }   ~>  (match n { 0: @F.0; 1+: @F.1 } x y)
 *                                  @F.0 = λx λy z      @F.1 = λp λx λy s
 *
 * A REF waits until the match applies it, so recursion unfolds only as far
 * as the program asks. Branches with no reference stay inline.
 */
import type { Binder, Term } from "./ast.js";
import { App, Lams, Var } from "./ast.js";

export interface LiftedDef {
  readonly name: string;
  readonly term: Term;
}

export class Lifter {
  readonly out: LiftedDef[] = [];
  private counter = new Map<string, number>();
  private current = "";

  /** `globals`: every definition name (lifted ones are added as they are made). */
  constructor(private readonly globals: Set<string>) {}

  /** Lift the branches of one definition; the definition itself goes to `out` first. */
  lift(name: string, term: Term): void {
    this.current = name;
    const slot = this.out.length;
    this.out.push({ name, term });
    this.out[slot] = { name, term: this.walk(term, []) };
  }

  private fresh(): string {
    let k = this.counter.get(this.current) ?? 0;
    let name = `${this.current}.${k}`;
    while (this.globals.has(name)) name = `${this.current}.${++k}`;
    this.counter.set(this.current, k + 1);
    this.globals.add(name);
    return name;
  }

  private emit(term: Term): string {
    const name = this.fresh();
    this.out.push({ name, term });
    return name;
  }

  /** The free locals (in first-occurrence order) of branches, and whether any calls a definition. */
  private analyse(branches: ReadonlyArray<readonly [readonly Binder[], Term]>, scope: readonly string[]): { fv: string[]; calls: boolean } {
    const free = new Set<string>();
    for (const [binds, body] of branches) freeVars(body, binds.filter((b): b is string => b !== null), free);
    const fv: string[] = [];
    let calls = false;
    for (const x of free) {
      if (scope.includes(x)) fv.push(x);
      else if (this.globals.has(x)) calls = true;
    }
    return { fv, calls };
  }

  private walk(t: Term, scope: string[]): Term {
    const under = (binds: readonly Binder[], body: Term): Term => {
      const names = binds.filter((b): b is string => b !== null);
      return this.walk(body, [...scope, ...names]);
    };
    switch (t.kind) {
      case "lam":
        return { ...t, body: under([t.bind], t.body) };
      case "app":
        return { ...t, fun: this.walk(t.fun, scope), arg: this.walk(t.arg, scope) };
      case "op":
        return { ...t, left: this.walk(t.left, scope), right: this.walk(t.right, scope) };
      case "let":
        return { ...t, value: this.walk(t.value, scope), body: under([t.bind], t.body) };
      case "dup":
        return { ...t, value: this.walk(t.value, scope), body: under([t.left, t.right], t.body) };
      case "list":
        return { ...t, items: t.items.map((x) => this.walk(x, scope)) };
      case "sup":
        return { ...t, left: this.walk(t.left, scope), right: this.walk(t.right, scope) };
      case "match": {
        if (t.lifted) return t;
        const scrutinee = this.walk(t.scrutinee, scope);
        const zero = this.walk(t.zero, scope);
        const succ = under([t.pred], t.succ);
        const { fv, calls } = this.analyse([[[], zero], [[t.pred], succ]], scope);
        if (!calls) return { ...t, scrutinee, zero, succ };
        const z = this.emit(Lams(fv, zero));
        const s = this.emit(Lams([t.pred, ...fv], succ));
        return App({ kind: "match", scrutinee, zero: Var(z), pred: null, succ: Var(s), lifted: true }, ...fv.map(Var));
      }
      case "case": {
        const scrutinee = this.walk(t.scrutinee, scope);
        const arms = t.arms.map((a) => ({ ...a, body: under(a.binds, a.body) }));
        const { fv, calls } = this.analyse(
          arms.map((a) => [a.binds, a.body] as const),
          scope,
        );
        if (!calls) return { ...t, scrutinee, arms };
        const lifted = arms.map((a) => ({ ctr: a.ctr, binds: [], body: Var(this.emit(Lams([...a.binds, ...fv], a.body))) }));
        return App({ kind: "case", scrutinee, arms: lifted }, ...fv.map(Var));
      }
      default:
        return t;
    }
  }
}

/** Add the free variables of `t` (not bound in it, nor in `bound`) to `out`, in first-occurrence order. */
export function freeVars(t: Term, bound: readonly string[], out: Set<string>): void {
  const under = (binds: readonly Binder[], body: Term): void =>
    freeVars(body, [...bound, ...binds.filter((b): b is string => b !== null)], out);
  switch (t.kind) {
    case "var":
      if (!bound.includes(t.name)) out.add(t.name);
      return;
    case "lam":
      return under([t.bind], t.body);
    case "app":
      freeVars(t.fun, bound, out);
      return freeVars(t.arg, bound, out);
    case "op":
    case "sup":
      freeVars(t.left, bound, out);
      return freeVars(t.right, bound, out);
    case "match":
      freeVars(t.scrutinee, bound, out);
      freeVars(t.zero, bound, out);
      return t.lifted ? freeVars(t.succ, bound, out) : under([t.pred], t.succ);
    case "case":
      freeVars(t.scrutinee, bound, out);
      for (const a of t.arms) under(a.binds, a.body);
      return;
    case "let":
      freeVars(t.value, bound, out);
      return under([t.bind], t.body);
    case "dup":
      freeVars(t.value, bound, out);
      return under([t.left, t.right], t.body);
    case "list":
      for (const x of t.items) freeVars(x, bound, out);
      return;
    default:
      return;
  }
}
