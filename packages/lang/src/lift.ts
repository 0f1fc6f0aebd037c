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
 *
 * Two more cases would unfold eagerly:
 * - a closed lambda that calls a definition, nested in a term
 *   (`let k = λx (Loop x); ...`): its body's call is a live redex, so the
 *   lambda floats out into its own definition and stays a bare REF until
 *   something applies it;
 * - a branch that applies a let-bound variable whose value calls a
 *   definition: it counts as calling, so the branch is lifted and receives
 *   the variable as an argument.
 */
import type { Arm, Binder, Term } from "./ast.js";
import { App, Lams, Var } from "./ast.js";
import { drive } from "./terms.js";

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
    this.out[slot] = { name, term: this.walk(term) };
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
  private analyse(branches: ReadonlyArray<readonly [readonly Binder[], Term]>, scope: Scope): { fv: string[]; calls: boolean } {
    const free = new Set<string>();
    for (const [binds, body] of branches) freeVars(body, binds, free);
    const fv: string[] = [];
    let calls = false;
    for (const x of free) {
      if (scope.has(x)) {
        fv.push(x);
        if (scope.calls(x)) calls = true;
      } else if (this.globals.has(x)) {
        calls = true;
      }
    }
    return { fv, calls };
  }

  /** Rebuild a term with its calling matches lifted. Iterative (see `drive`). */
  private walk(top: Term): Term {
    const scope = new Scope();
    const self = this;
    function* under(binds: readonly Binder[], body: Term, calling = false): Generator<Term, Term, Term> {
      scope.bind(binds, 1, calling);
      const out = yield body;
      scope.bind(binds, -1);
      return out;
    }
    // The lambdas the definition itself starts with stay; closed lambdas further in may float out.
    const head = new Set<Term>();
    for (let t = top; t.kind === "lam"; t = t.body) head.add(t);
    return drive<Term, Term>(top, function* step(t): Generator<Term, Term, Term> {
      switch (t.kind) {
        case "lam": {
          const lam: Term = { ...t, body: yield* under([t.bind], t.body) };
          if (head.has(t)) return lam;
          const { fv, calls } = self.analyse([[[], lam]], scope);
          return fv.length === 0 && calls ? Var(self.emit(lam)) : lam;
        }
        case "app": {
          const fun = yield t.fun;
          return { ...t, fun, arg: yield t.arg };
        }
        case "op":
        case "sup": {
          const left = yield t.left;
          return { ...t, left, right: yield t.right };
        }
        case "let": {
          const value = yield t.value;
          const { calls } = self.analyse([[[], value]], scope);
          return { ...t, value, body: yield* under([t.bind], t.body, calls) };
        }
        case "dup": {
          const value = yield t.value;
          return { ...t, value, body: yield* under([t.left, t.right], t.body) };
        }
        case "list": {
          const items: Term[] = [];
          for (const x of t.items) items.push(yield x);
          return { ...t, items };
        }
        case "match": {
          if (t.lifted) return t;
          const scrutinee = yield t.scrutinee;
          const zero = yield t.zero;
          const succ = yield* under([t.pred], t.succ);
          const { fv, calls } = self.analyse([[[], zero], [[t.pred], succ]], scope);
          if (!calls) return { ...t, scrutinee, zero, succ };
          const z = self.emit(Lams(fv, zero));
          const s = self.emit(Lams([t.pred, ...fv], succ));
          return App({ kind: "match", scrutinee, zero: Var(z), pred: null, succ: Var(s), lifted: true }, ...fv.map(Var));
        }
        case "case": {
          const scrutinee = yield t.scrutinee;
          const arms: Arm[] = [];
          for (const a of t.arms) arms.push({ ...a, body: yield* under(a.binds, a.body) });
          const { fv, calls } = self.analyse(
            arms.map((a) => [a.binds, a.body] as const),
            scope,
          );
          if (!calls) return { ...t, scrutinee, arms };
          const lifted = arms.map((a) => ({ ctr: a.ctr, binds: [], body: Var(self.emit(Lams([...a.binds, ...fv], a.body))) }));
          return App({ kind: "case", scrutinee, arms: lifted }, ...fv.map(Var));
        }
        default:
          return t;
      }
    });
  }
}

/** Names in scope, with shadowing counts. */
/** Local names in scope (innermost binding last), each marked when its value calls a definition. */
class Scope {
  private readonly stacks = new Map<string, boolean[]>();
  has(name: string): boolean {
    return (this.stacks.get(name)?.length ?? 0) > 0;
  }
  /** Whether the innermost binding of `name` holds a value that calls a definition. */
  calls(name: string): boolean {
    const st = this.stacks.get(name);
    return st !== undefined && st.length > 0 && st[st.length - 1];
  }
  /** delta 1: bind the names (marked `calling`); delta -1: unbind them. */
  bind(names: readonly Binder[], delta: number, calling = false): void {
    for (const n of names) {
      if (n === null) continue;
      let st = this.stacks.get(n);
      if (!st) this.stacks.set(n, (st = []));
      if (delta > 0) st.push(calling);
      else st.pop();
    }
  }
}

/** Add the free variables of `top` (not bound in it, nor by `binds`) to `out`, in first-occurrence order. Iterative. */
export function freeVars(top: Term, binds: readonly Binder[], out: Set<string>): void {
  const scope = new Scope();
  scope.bind(binds, 1);
  function* under(bs: readonly Binder[], body: Term): Generator<Term, void, void> {
    scope.bind(bs, 1);
    yield body;
    scope.bind(bs, -1);
  }
  drive<Term, void>(top, function* step(t): Generator<Term, void, void> {
    switch (t.kind) {
      case "var":
        if (!scope.has(t.name)) out.add(t.name);
        return;
      case "lam":
        return yield* under([t.bind], t.body);
      case "app":
        yield t.fun;
        return yield t.arg;
      case "op":
      case "sup":
        yield t.left;
        return yield t.right;
      case "match":
        yield t.scrutinee;
        yield t.zero;
        if (t.lifted) return yield t.succ;
        return yield* under([t.pred], t.succ);
      case "case":
        yield t.scrutinee;
        for (const a of t.arms) yield* under(a.binds, a.body);
        return;
      case "let":
        yield t.value;
        return yield* under([t.bind], t.body);
      case "dup":
        yield t.value;
        return yield* under([t.left, t.right], t.body);
      case "list":
        for (const x of t.items) yield x;
        return;
      default:
        return;
    }
  });
}
