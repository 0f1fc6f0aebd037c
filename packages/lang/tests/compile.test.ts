import { OP } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { App, Case, Cons, Dup, Lam, Let, Match, Num, Op, Var, arm, def, defRules, program, rule, PCtr, PVar, data, Era, book } from "./helpers.js";

describe("compileProgram: net shapes", () => {
  it("folds the operator into a constant first operand", () => {
    expect(book(program([def("main", Op(OP.ADD, Num(3), Num(2)))]))).toBe("@main = a\n  & #16777219 ~ <#2 a>\n");
  });

  it("tags a computed first operand with a USE step", () => {
    const p = program([def("main", Lam("x", Lam("y", Op(OP.SUB, Var("x"), Var("y")))))]);
    expect(book(p)).toBe("@main = (a (b c))\n  & #2 ~ <a <b c>>\n");
  });

  it("moves a constant second operand first: swapped, < and > exchanged, - as + of the u24 complement", () => {
    const f = (op: number) => book(program([def("main", Lam("x", Op(op, Var("x"), Num(5))))]));
    expect(f(OP.MUL)).toBe("@main = (a b)\n  & #50331653 ~ <a b>\n");
    expect(f(OP.LT)).toBe("@main = (a b)\n  & #150994949 ~ <a b>\n");
    expect(f(OP.SUB)).toBe("@main = (a b)\n  & #33554427 ~ <a b>\n");
    expect(f(OP.DIV)).toBe("@main = (a b)\n  & #4 ~ <a <#5 b>>\n");
  });

  it("inserts a DUP for a variable used twice, erases an unused one", () => {
    expect(book(program([def("main", Lam("f", Lam("x", App(Var("f"), App(Var("f"), Var("x"))))))]))).toBe("@main = ({3 (a b) (c a)} (c b))\n");
    expect(book(program([def("main", Lam("x", Lam("y", Var("x"))))]))).toBe("@main = (a (* a))\n");
  });

  it("uses the label of an explicit dup", () => {
    const p = program([def("main", Dup("a", "b", Num(5), Op(OP.ADD, Var("a"), Var("b")), 3))]);
    expect(book(p)).toBe("@main = a\n  & #1 ~ <b <c a>>\n  & {3 b c} ~ #5\n");
  });

  it("links a let without any node", () => {
    const p = program([def("main", Let("x", Num(5), App(Var("x"), Var("x"))))]);
    expect(book(p)).toBe("@main = a\n  & {3 (b a) b} ~ #5\n");
  });

  it("compiles a numeric match to MAT with a (zero succ) pair", () => {
    const p = program([def("main", Lam("n", Match(Var("n"), Num(10), "p", Op(OP.MUL, Var("p"), Num(2)))))]);
    expect(book(p)).toBe("@main = (?(#10 (a b)) c c)\n  & #50331650 ~ <a b>\n");
  });

  it("inlines saturated constructors as Scott encodings and refers to unsaturated ones", () => {
    expect(book(program([def("main", App(Var("Cons"), Num(1), Var("Nil")))]))).toBe("@main = ((#1 ((* (a a)) b)) (* b))\n");
    expect(book(program([def("main", Var("Cons"))]))).toBe("@main = @Cons\n@Cons = (a (b ((a (b c)) (* c))))\n");
  });

  it("keeps branches without references inline", () => {
    const p = program(
      [defRules("Not", [rule([PCtr("True")], Var("False")), rule([PCtr("False")], Var("True"))]), def("main", App(Var("Not"), Var("True")))],
      [data("Bool", [["True"], ["False"]])],
    );
    expect(book(p)).toBe("@Not = (((* (a a)) ((b (* b)) c)) c)\n@main = a\n  & @Not ~ ((b (* b)) a)\n");
  });

  it("lifts branches that call a definition into supercombinators", () => {
    const len = defRules("Len", [rule([PCtr("Nil")], Num(0)), rule([PCtr("Cons", PVar(null), PVar("t"))], Op(OP.ADD, Num(1), App(Var("Len"), Var("t"))))]);
    expect(book(program([len, def("main", App(Var("Len"), Cons(Num(7), Var("Nil"))))]))).toBe(
      [
        "@Len = ((@Len.0 (@Len.1 a)) a)",
        "@Len.0 = (* (a b))\n  & @Len ~ (a c)\n  & #16777217 ~ <c b>",
        "@Len.1 = #0",
        "@main = a\n  & @Len ~ (((#7 ((* (b b)) c)) (* c)) a)",
      ].join("\n") + "\n",
    );
  });

  it("passes the free variables of lifted branches as extra arguments", () => {
    const f = def("F", Lam("n", Lam("k", Match(Var("n"), Var("k"), "p", App(Var("F"), Var("p"), Var("k"))))));
    expect(book(program([f, def("main", App(Var("F"), Num(2), Num(9)))]))).toBe(
      [
        "@F = (?(@F.0 @F.1) (a b) (a b))",
        "@F.0 = (a a)",
        "@F.1 = (a (b c))\n  & @F ~ (a (b c))",
        "@main = a\n  & @F ~ (#2 (#9 a))",
      ].join("\n") + "\n",
    );
  });

  it("compiles a constructor match written as a term", () => {
    const p = program([def("main", Case(Cons(Num(4), Var("Nil")), [arm("Cons", ["h", null], Var("h")), arm("Nil", [], Num(0))]))]);
    expect(book(p)).toBe("@main = a\n  & ((#4 ((* (b b)) c)) (* c)) ~ ((d (* d)) (#0 a))\n");
  });

  it("compiles an eraser", () => {
    expect(book(program([def("main", Era())]))).toBe("@main = *\n");
  });

  it("floats a closed lambda that calls a definition out, so it waits as a bare REF", () => {
    const loop = def(
      "Loop",
      Lam("n", Let("k", Lam("x", App(Var("Loop"), Var("x"))), Match(Var("n"), Num(7), "p", App(Var("k"), Var("p"))))),
    );
    expect(book(program([loop, def("main", App(Var("Loop"), Num(5)))]))).toBe(
      [
        "@Loop = (?(@Loop.1 @Loop.2) (@Loop.0 a) a)",
        "@Loop.0 = (a b)\n  & @Loop ~ (a b)",
        "@Loop.1 = (* #7)",
        "@Loop.2 = (a ((a b) b))",
        "@main = a\n  & @Loop ~ (#5 a)",
      ].join("\n") + "\n",
    );
  });
});
