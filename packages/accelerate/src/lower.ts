/**
 * Kernel -> lang program -> ir book. Each function becomes one lang
 * definition (a supercombinator: scope functions call each other through
 * REFs, which expand only when needed, so recursion terminates); `? :` and
 * if/else become a numeric match, which lang lambda-lifts into branch
 * definitions; a fixed-size array becomes the Scott tuple `λc (c a b ..)`.
 *
 *   x * 2 + 1        (+ (* x 2) 1)
 *   a <= b           (^ (> a b) 1)
 *   c ? t : e        match c { 0: e; 1+_: t }
 *   f(a, b)          (f a b)
 *   [a, b]           λc (c a b)
 *   t[1]             (t λa λb b)
 */
import { OP, type Book } from "@hvm/ir";
import { App, Lam, Lams, Let, Match, Num, Op, Var, compileProgram, def, program, type Term } from "@hvm/lang";
import type { BinOp, KExpr, KFunction, Kernel } from "./kernel.js";

const BIN: Readonly<Record<Exclude<BinOp, "<=" | ">=">, number>> = {
  "+": OP.ADD,
  "-": OP.SUB,
  "*": OP.MUL,
  "/": OP.DIV,
  "%": OP.MOD,
  "==": OP.EQ,
  "!=": OP.NE,
  "<": OP.LT,
  ">": OP.GT,
  "&": OP.AND,
  "|": OP.OR,
  "^": OP.XOR,
  "<<": OP.LSH,
  ">>": OP.RSH,
};

/** A lowered kernel: the book of its definitions and the name of the marked function's definition. */
export interface LoweredKernel {
  readonly book: Book;
  /** Definition name of the marked function. */
  readonly entry: string;
}

/** The name a JS identifier gets in lang and in the book (.hvmc names: [A-Za-z0-9_.]). */
const sanitize = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, "_");

/** Lower a kernel to an ir book whose definitions never include `main`; `arities` sizes each `t[i]`. */
export function lowerKernel(kernel: Kernel, arities: ReadonlyMap<KExpr, number> = new Map()): LoweredKernel {
  const taken = new Set<string>(["main"]);
  const defName = new Map<string, string>();
  const claim = (base: string): string => {
    let n = base;
    for (let i = 1; taken.has(n); i++) n = `${base}_${i}`;
    taken.add(n);
    return n;
  };
  const entry = claim(`acc_${sanitize(kernel.main.name)}`);
  for (const name of kernel.fns.keys()) defName.set(name, claim(sanitize(name)));
  const lower = (f: KFunction, name: string) => def(name, lowerFunction(f, defName, arities));
  const defs = [lower(kernel.main, entry), ...[...kernel.fns.values()].map((f) => lower(f, defName.get(f.name)!))];
  return { book: compileProgram(program(defs), { entry }), entry };
}

function lowerFunction(f: KFunction, defName: ReadonlyMap<string, string>, arities: ReadonlyMap<KExpr, number>): Term {
  let fresh = 0;
  const local = (): string => `x${fresh++}`;
  type Names = { readonly js: string; readonly lang: string; readonly next: Names | null };
  const find = (names: Names | null, js: string): string => {
    for (let n = names; n !== null; n = n.next) if (n.js === js) return n.lang;
    throw new Error(`kernel variable '${js}' is unbound`);
  };

  const go = (e: KExpr, names: Names | null): Term => {
    switch (e.k) {
      case "num":
        return Num(e.value);
      case "var":
        return Var(find(names, e.name));
      case "bin":
        if (e.op === "<=") return Op(OP.XOR, Op(OP.GT, go(e.a, names), go(e.b, names)), Num(1));
        if (e.op === ">=") return Op(OP.XOR, Op(OP.LT, go(e.a, names), go(e.b, names)), Num(1));
        return Op(BIN[e.op], go(e.a, names), go(e.b, names));
      case "un":
        if (e.op === "-") return Op(OP.SUB, Num(0), go(e.a, names));
        if (e.op === "~") return Op(OP.NOT, Num(0), go(e.a, names));
        return Op(OP.EQ, go(e.a, names), Num(0));
      case "floor":
        return go(e.a, names);
      case "cond":
        return Match(go(e.test, names), go(e.else, names), null, go(e.then, names));
      case "let": {
        const x = local();
        return Let(x, go(e.value, names), go(e.body, { js: e.name, lang: x, next: names }));
      }
      case "tuple": {
        const c = local();
        return Lam(c, App(Var(c), ...e.items.map((i) => go(i, names))));
      }
      case "index": {
        const xs = Array.from({ length: arities.get(e) ?? 0 }, local);
        return App(go(e.a, names), Lams(xs, Var(xs[e.i])));
      }
      case "call":
        return App(Var(defName.get(e.fn)!), ...e.args.map((a) => go(a, names)));
    }
  };

  let names: Names | null = null;
  const params: string[] = [];
  for (const p of f.params) {
    const x = local();
    params.push(x);
    names = { js: p, lang: x, next: names };
  }
  return Lams(params, go(f.body, names));
}
