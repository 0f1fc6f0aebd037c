import { OP } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { App, Case, Dup, Lam, arm, Let, Num, Op, PCtr, PNum, PVar, Var, def, defRules, program, rule } from "./helpers.js";
import { LangError, type Program, compileProgram } from "../src/index.js";

/** The [code, message] of every diagnostic of a program. */
function problems(p: Program): Array<[string, string]> {
  try {
    compileProgram(p);
  } catch (e) {
    if (e instanceof LangError) return e.diagnostics.map((d) => [String(d.code), d.message]);
    throw e;
  }
  return [];
}

describe("diagnostics, all at once", () => {
  it("reports unbound variables and unknown functions together", () => {
    expect(problems(program([def("main", App(Var("Foo"), Var("y")))]))).toEqual([
      ["E_FUN_UNKNOWN", "unknown constructor or function Foo"],
      ["E_VAR_UNBOUND", "unbound variable y"],
    ]);
  });

  it("suggests a close name", () => {
    expect(problems(program([def("Sum", Num(0)), def("main", Var("Summ"))]))).toEqual([["E_FUN_UNKNOWN", "unknown constructor or function Summ (did you mean Sum?)"]]);
  });

  it("reports unknown constructors in patterns and arity mismatches", () => {
    const p = program([
      defRules("F", [rule([PCtr("Bar", PVar("x"))], Var("x"))]),
      defRules("G", [rule([PCtr("Cons", PVar("x"))], Var("x"))]),
      defRules("H", [rule([PVar("a"), PVar("b")], Var("a")), rule([PVar("a")], Var("a"))]),
      def("main", Num(1)),
    ]);
    expect(problems(p)).toEqual([
      ["E_CTR_UNKNOWN", "unknown constructor Bar in a pattern"],
      ["E_ARITY", "arity mismatch: constructor Cons has 2 field(s) (head, tail), the pattern gives 1"],
      ["E_ARITY", "arity mismatch: this equation of H has 1 pattern(s), the first one has 2; give every equation the same number of arguments"],
    ]);
  });

  it("reports non-exhaustive equations, naming what is missing", () => {
    expect(problems(program([defRules("S", [rule([PCtr("Nil")], Num(0))]), def("main", Num(0))]))).toEqual([
      ["E_NON_EXHAUSTIVE", "non-exhaustive equations for S: no equation matches Cons in argument 1; add an equation for it or a variable/_ case"],
    ]);
    expect(problems(program([defRules("F", [rule([PNum(0)], Num(1)), rule([PNum(1)], Num(2))]), def("main", Num(0))]))).toEqual([
      ["E_NON_EXHAUSTIVE", "non-exhaustive equations for F: nothing matches numbers other than 0, 1 in argument 1; add a variable or _ case"],
    ]);
  });

  it("reports a match with two arms for one constructor", () => {
    const m = Case(Var("Nil"), [arm("Nil", [], Num(0)), arm("Nil", [], Num(1)), arm("Cons", [null, null], Num(2))]);
    expect(problems(program([def("main", m)]))).toEqual([["E_PATTERN", "match has two arms for Nil; keep one"]]);
  });

  it("reports a missing entry, numbers and labels out of range", () => {
    expect(problems(program([def("mian", Num(16777216))]))).toEqual([
      ["E_NUM_RANGE", "number 16777216 does not fit in 24 bits (max 16777215)"],
      ["E_ENTRY_MISSING", "missing entry: no definition main (did you mean mian?); add `main = ...`"],
    ]);
    expect(problems(program([def("main", Dup("a", "b", Num(1), Var("a"), 6))]))).toEqual([
      ["E_LABEL_RANGE", "dup label #6 is out of range: use 1..5 (label 0 is the lambda/application node)"],
    ]);
  });

  it("rejects a duplication whose label collides with a DUP inside the copied lambda", () => {
    const f = Lam("x", Dup("a", "b", Var("x"), Op(OP.ADD, Var("a"), Var("b")), 2));
    const p = program([def("main", Let("f", f, Dup("g", "h", Var("f"), App(Var("g"), App(Var("h"), Num(1))), 2)))]);
    expect(problems(p)).toEqual([
      [
        "E_DUP_UNSAFE",
        "g is duplicated with label #2, but its value already duplicates a variable inside a lambda with label #2: the two DUP nodes would annihilate instead of copying; use another label (1..5) not used inside the value",
      ],
    ]);
  });

  it("gives an automatic DUP chain a label the copied lambda does not use", () => {
    const f = Lam("x", Op(OP.ADD, Var("x"), Var("x")));
    expect(problems(program([def("main", Let("f", f, App(Var("f"), App(Var("f"), Num(1)))))]))).toEqual([]);
  });

  it("rejects applying a definition that duplicates to a copy of itself", () => {
    const c2 = def("c2", Lam("f", Lam("x", App(Var("f"), App(Var("f"), Var("x"))))));
    expect(problems(program([c2, def("main", App(Var("c2"), Var("c2")))]))).toEqual([
      [
        "E_DUP_UNSAFE",
        "c2 is applied to a copy of itself: both copies duplicate with the same DUP label(s) #3, so their DUP nodes would annihilate instead of copying each other; apply it to a second definition that uses other labels (dup #k a b = x; ...)",
      ],
    ]);
  });

});
