import { OP } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { type Term, App, Case, Lam, Let, List, arm, Match, Num, Op, PCtr, PNum, PVar, Var, data, def, defRules, program, rule, counts, run } from "./helpers.js";

const range = defRules("Range", [rule([PNum(0)], Var("Nil")), rule([PVar("n")], App(Var("Cons"), Var("n"), App(Var("Range"), Op(OP.SUB, Var("n"), Num(1)))))]);
const sum = defRules("Sum", [rule([PCtr("Nil")], Num(0)), rule([PCtr("Cons", PVar("x"), PVar("xs"))], Op(OP.ADD, Var("x"), App(Var("Sum"), Var("xs"))))]);

describe("programs on the reference reducer: normal forms and exact counts", () => {
  it("(+ 3 2)", () => {
    expect(run(program([def("main", Op(OP.ADD, Num(3), Num(2)))]))).toEqual({ term: "5", net: "#5", byRule: counts({ DREF: 1, OPER: 2 }) });
  });

  it("the operator chain (+ (+ 10 3) (* 5 6))", () => {
    const r = run(program([def("main", Op(OP.ADD, Op(OP.ADD, Num(10), Num(3)), Op(OP.MUL, Num(5), Num(6))))]));
    expect(r).toEqual({ term: "43", net: "#43", byRule: counts({ DREF: 1, OPER: 8 }) });
  });

  it("a numeric match takes the successor branch with the predecessor", () => {
    const r = run(program([def("main", Match(Num(3), Num(10), "p", Op(OP.MUL, Var("p"), Num(2))))]));
    expect(r).toEqual({ term: "4", net: "#4", byRule: counts({ ANNI: 2, ERAS: 1, DREF: 1, OPER: 3 }) });
  });

  it("a recursive sum over a list built by Range", () => {
    const r = run(program([range, sum, def("main", App(Var("Sum"), App(Var("Range"), Num(10))))]));
    expect(r.term).toBe("55");
    expect(r.byRule).toEqual(counts({ ANNI: 85, COMM: 10, ERAS: 22, DREF: 45, OPER: 91 }));
  });

  it("reads lists back as [..]", () => {
    const r = run(program([range, def("main", App(Var("Range"), Num(4)))]));
    expect(r.term).toBe("[4, 3, 2, 1]");
    expect(r.byRule).toEqual(counts({ ANNI: 14, COMM: 4, ERAS: 5, DREF: 11, OPER: 21 }));
  });

  it("reads user data types back as constructor applications", () => {
    const tree = data("Tree", [["Node", "l", "r"], ["Leaf", "v"]]);
    const r = run(program([def("main", App(Var("Node"), App(Var("Leaf"), Num(1)), App(Var("Node"), App(Var("Leaf"), Num(2)), App(Var("Leaf"), Num(3)))))], [tree]));
    expect(r.term).toBe("(Node (Leaf 1) (Node (Leaf 2) (Leaf 3)))");
  });

  it("reads lambdas in the normal form back with their structure", () => {
    expect(run(program([def("main", Lam("f", Lam("x", App(Var("f"), App(Var("f"), Var("x"))))))])).term).toBe("λa λb (a (a b))");
    expect(run(program([def("main", Lam("x", Op(OP.ADD, Var("x"), Num(1))))])).term).toBe("λa (+ a 1)");
    expect(run(program([def("main", Lam("x", Op(OP.MUL, Var("x"), Var("x"))))])).term).toBe("λa (* a a)");
    expect(run(program([def("main", Lam("x", Op(OP.SUB, Var("x"), Num(3))))])).term).toBe("λa (- a 3)");
    expect(run(program([def("main", Lam("x", Op(OP.LT, Var("x"), Num(3))))])).term).toBe("λa (< a 3)");
    expect(run(program([def("main", Lam("x", Op(OP.DIV, Num(12), Var("x"))))])).term).toBe("λa (/ 12 a)");
  });

  it("a let-bound lambda used twice", () => {
    const r = run(program([def("main", Let("f", Lam("x", Op(OP.ADD, Var("x"), Var("x"))), App(Var("f"), App(Var("f"), Num(1)))))]));
    expect(r).toEqual({ term: "4", net: "#4", byRule: counts({ ANNI: 4, COMM: 6, DREF: 1, OPER: 7 }) });
  });

  it("a function duplicated by Map copies a lambda that duplicates its argument", () => {
    const map = defRules("Map", [
      rule([PVar("f"), PCtr("Nil")], Var("Nil")),
      rule([PVar("f"), PCtr("Cons", PVar("x"), PVar("xs"))], App(Var("Cons"), App(Var("f"), Var("x")), App(Var("Map"), Var("f"), Var("xs")))),
    ]);
    const double = Lam("v", Op(OP.ADD, Var("v"), Var("v")));
    const r = run(program([map, def("main", App(Var("Map"), double, List([Num(1), Num(2), Num(3)])))]));
    expect(r.term).toBe("[2, 4, 6]");
    expect(r.byRule).toEqual(counts({ ANNI: 35, COMM: 15, ERAS: 10, DREF: 9, OPER: 10 }));
  });

  it("a let-bound closure that recurses terminates where the program does", () => {
    const loop = def(
      "Loop",
      Lam("n", Let("k", Lam("x", App(Var("Loop"), Var("x"))), Match(Var("n"), Num(7), "p", App(Var("k"), Var("p"))))),
    );
    const r = run(program([loop, def("main", App(Var("Loop"), Num(5)))]));
    expect(r).toEqual({ term: "7", net: "#7", byRule: counts({ ANNI: 28, ERAS: 7, DREF: 18, OPER: 6 }) });
  });

  it("a constructor match takes its arms in any order", () => {
    const m = (xs: Term) => Case(xs, [arm("Nil", [], Num(7)), arm("Cons", ["h", null], Var("h"))]);
    expect(run(program([def("main", List([m(List([Num(5), Num(6)])), m(List([]))]))])).term).toBe("[5, 7]");
  });

  it("list literals of mixed values", () => {
    expect(run(program([def("main", List([Lam("x", Var("x")), Num(1)]))])).term).toBe("[λa a, 1]");
  });

  it("compiles, runs and prints terms nested 20,000 deep without a stack overflow", () => {
    let t = Num(1);
    for (let i = 0; i < 20_000; i++) t = App(Var("Succ"), t);
    const succ = def("Succ", Lam("n", Op(OP.ADD, Num(1), Var("n"))));
    const r = run(program([succ, def("main", t)]));
    expect(r.term).toBe("20001");
    expect(r.byRule).toEqual(counts({ ANNI: 20_000, DREF: 20_001, OPER: 40_000 }));
    let nat = Var("Z");
    for (let i = 0; i < 20_000; i++) nat = App(Var("S"), nat);
    const deep = run(program([def("main", nat)], [data("Nat", [["S", "pred"], ["Z"]])]));
    expect(deep.term).toBe("(S ".repeat(20_000) + "Z" + ")".repeat(20_000));
  });
});
