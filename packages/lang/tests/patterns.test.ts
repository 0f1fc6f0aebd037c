/**
 * Pattern compilation against first-match semantics: random equations of a
 * two-argument function over numbers (literals small and large, variables,
 * wildcards; a final catch-all keeps them exhaustive) give, for random
 * arguments, the body of the first equation that matches.
 */
import fc from "fast-check";
import { OP } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { type Pattern, type Rule, type Term, App, List, Num, Op, PCtr, PNum, PVar, Var, def, defRules, program, rule, run } from "./helpers.js";

type Pat = { lit: number } | { bind: "x" | "y" | null };

const pat = (bind: "x" | "y"): fc.Arbitrary<Pat> =>
  fc.oneof(fc.integer({ min: 0, max: 10 }).map((lit) => ({ lit })), fc.constantFrom(500, 9000).map((lit) => ({ lit })), fc.constantFrom<Pat>({ bind }, { bind: null }));

const toPattern = (p: Pat): Pattern => ("lit" in p ? PNum(p.lit) : PVar(p.bind));
const matches = (p: Pat, v: number): boolean => !("lit" in p) || p.lit === v;

/** Equation i returns 1000 * (i + 1) plus whatever its variables bound. */
function body(i: number, a: Pat, b: Pat) {
  let t = Num(1000 * (i + 1));
  for (const p of [a, b]) if (!("lit" in p) && p.bind !== null) t = Op(OP.ADD, t, Var(p.bind));
  return t;
}

function expected(rows: ReadonlyArray<[Pat, Pat]>, u: number, v: number): number {
  const i = rows.findIndex(([a, b]) => matches(a, u) && matches(b, v));
  const [a, b] = rows[i];
  return 1000 * (i + 1) + (!("lit" in a) && a.bind !== null ? u : 0) + (!("lit" in b) && b.bind !== null ? v : 0);
}

describe("equations with numeric patterns", () => {
  it("pick the first matching equation", () => {
    const args = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(500, 9000, 9001));
    fc.assert(
      fc.property(fc.array(fc.tuple(pat("x"), pat("y")), { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(args, args), { minLength: 1, maxLength: 4 }), (given, calls) => {
        const rows: Array<[Pat, Pat]> = [...given, [{ bind: "x" }, { bind: "y" }]];
        const rules: Rule[] = rows.map(([a, b], i) => rule([toPattern(a), toPattern(b)], body(i, a, b)));
        const mains = calls.map(([u, v]) => App(Var("F"), Num(u), Num(v)));
        const sum = mains.reduce((acc, t) => Op(OP.ADD, acc, t));
        const want = calls.reduce((acc, [u, v]) => acc + expected(rows, u, v), 0);
        expect(run(program([defRules("F", rules), def("main", sum)])).term).toBe(String(want));
      }),
      { numRuns: 150 },
    );
  });

  it("with list patterns nested in list patterns, pick the first matching equation", () => {
    type LPat = { nil: true } | { head: Pat; tail: LPat } | { bind: "xs" | null };
    const lpat: fc.Arbitrary<LPat> = fc.letrec<{ p: LPat }>((tie) => ({
      p: fc.oneof(
        { depthSize: "small" },
        fc.constant<LPat>({ nil: true }),
        fc.constantFrom<LPat>({ bind: "xs" }, { bind: null }),
        fc.record({ head: pat("x"), tail: tie("p") }),
      ),
    })).p;
    const toP = (p: LPat): Pattern => ("nil" in p ? PCtr("Nil") : "head" in p ? PCtr("Cons", toPattern(p.head), toP(p.tail)) : PVar(p.bind));
    // What the equation's body adds: each bound head, and the length of a bound tail.
    const bound = (p: LPat, xs: readonly number[]): number | undefined => {
      if ("nil" in p) return xs.length === 0 ? 0 : undefined;
      if (!("head" in p)) return p.bind === null ? 0 : 1000 * xs.length;
      if (xs.length === 0 || !matches(p.head, xs[0])) return undefined;
      const rest = bound(p.tail, xs.slice(1));
      return rest === undefined ? undefined : rest + (!("lit" in p.head) && p.head.bind !== null ? xs[0] : 0);
    };
    const body = (i: number, p: LPat): Term => {
      let t = Num(100_000 * (i + 1));
      const walk = (q: LPat): void => {
        if ("head" in q) {
          if (!("lit" in q.head) && q.head.bind !== null) t = Op(OP.ADD, t, Var(q.head.bind));
          walk(q.tail);
        } else if ("bind" in q && q.bind !== null) {
          t = Op(OP.ADD, t, Op(OP.MUL, Num(1000), App(Var("Len"), Var(q.bind))));
        }
      };
      walk(p);
      return t;
    };
    const rename = (p: LPat, k: { n: number }): LPat =>
      "head" in p ? { head: !("lit" in p.head) && p.head.bind !== null ? { bind: `x${k.n++}` as "x" } : p.head, tail: rename(p.tail, k) } : p;
    const len = defRules("Len", [rule([PCtr("Nil")], Num(0)), rule([PCtr("Cons", PVar(null), PVar("t"))], Op(OP.ADD, Num(1), App(Var("Len"), Var("t"))))]);
    fc.assert(
      fc.property(fc.array(lpat, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }), (given, xs) => {
        const rows = [...given, { bind: "xs" } as LPat].map((p) => rename(p, { n: 0 }));
        const rules = rows.map((p, i) => rule([toP(p)], body(i, p)));
        const i = rows.findIndex((p) => bound(p, xs) !== undefined);
        const want = 100_000 * (i + 1) + bound(rows[i], xs)!;
        const r = run(program([len, defRules("F", rules), def("main", App(Var("F"), List(xs.map(Num))))]));
        expect(r.term).toBe(String(want));
      }),
      { numRuns: 150 },
    );
  });
});
