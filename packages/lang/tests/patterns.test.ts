/**
 * Pattern compilation against first-match semantics: random equations of a
 * two-argument function over numbers (literals small and large, variables,
 * wildcards; a final catch-all keeps them exhaustive) give, for random
 * arguments, the body of the first equation that matches.
 */
import fc from "fast-check";
import { OP } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { type Pattern, type Rule, App, Num, Op, PNum, PVar, Var, def, defRules, program, rule, run } from "./helpers.js";

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
});
