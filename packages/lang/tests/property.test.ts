/**
 * Properties: compiled programs compute what the language says.
 * - random operator trees over u24 numbers (literal or computed operands)
 *   evaluate like ir's applyOp;
 * - random lists come out of an insertion sort sorted, as a [..] term.
 */
import fc from "fast-check";
import { OP, OPERATORS, applyOp, tagged } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { type Term, App, Lam, List, Num, Op, PCtr, PNum, PVar, Var, def, defRules, program, rule, run } from "./helpers.js";

/** A number leaf is either a literal or computed (`((λz z) n)`), so both constant and wire operands occur. */
type Expr = { n: number; computed: boolean } | { op: number; a: Expr; b: Expr };

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ n: fc.integer({ min: 0, max: 0xffffff }), computed: fc.boolean() }),
    fc.record({ op: fc.integer({ min: 1, max: OPERATORS.length - 1 }), a: tie("e"), b: tie("e") }),
  ),
})).e;

const toTerm = (e: Expr): Term => ("n" in e ? (e.computed ? App(Lam("z", Var("z")), Num(e.n)) : Num(e.n)) : Op(e.op, toTerm(e.a), toTerm(e.b)));
const evaluate = (e: Expr): number => ("n" in e ? e.n : applyOp(tagged(e.op, evaluate(e.a)), evaluate(e.b)));

describe("properties", () => {
  it("operator trees evaluate like applyOp on tagged first operands", () => {
    fc.assert(
      fc.property(expr, (e) => {
        expect(run(program([def("main", toTerm(e))])).term).toBe(String(evaluate(e)));
      }),
      { numRuns: 150 },
    );
  });

  it("insertion sort sorts any list of numbers", () => {
    const insert = defRules("Insert", [
      rule([PVar("x"), PCtr("Nil")], App(Var("Cons"), Var("x"), Var("Nil"))),
      rule([PVar("x"), PCtr("Cons", PVar("y"), PVar("ys"))], App(Var("Cmp"), Op(OP.LT, Var("x"), Var("y")), Var("x"), Var("y"), Var("ys"))),
    ]);
    const cmp = defRules("Cmp", [
      rule([PNum(0), PVar("x"), PVar("y"), PVar("ys")], App(Var("Cons"), Var("y"), App(Var("Insert"), Var("x"), Var("ys")))),
      rule([PVar(null), PVar("x"), PVar("y"), PVar("ys")], App(Var("Cons"), Var("x"), App(Var("Cons"), Var("y"), Var("ys")))),
    ]);
    const sort = defRules("Sort", [rule([PCtr("Nil")], Var("Nil")), rule([PCtr("Cons", PVar("x"), PVar("xs"))], App(Var("Insert"), Var("x"), App(Var("Sort"), Var("xs"))))]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 24 }), (xs) => {
        const p = program([insert, cmp, sort, def("main", App(Var("Sort"), List(xs.map(Num))))]);
        expect(run(p).term).toBe(`[${[...xs].sort((a, b) => a - b).join(", ")}]`);
      }),
      { numRuns: 60 },
    );
  });
});
