import { con, ctr, dup, era, mat, num, op1, op2, ref, v, type Net } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { Cons, LIST_TYPE, Var, data, def, program, Num, type Term } from "./helpers.js";
import { TermReadbackError, readbackRaw, readbackTerm, resugar, showTerm } from "../src/index.js";

const net = (root: Net["root"]): Net => ({ root, redexes: [] });
const raw = (root: Net["root"]): string => showTerm(readbackRaw(net(root)));

describe("readback of normal forms as terms", () => {
  it("reads lambdas, variables and applications", () => {
    expect(raw(con(v("x"), v("x")))).toBe("λa a");
    expect(raw(con(era(), num(7)))).toBe("λ* 7");
    expect(raw(con(con(v("x"), v("r")), con(v("x"), v("r"))))).toBe("λa λb (a b)");
  });

  it("follows a DUP from an aux port to the shared value", () => {
    expect(raw(con(dup(con(v("a"), v("b")), con(v("c"), v("a"))), con(v("c"), v("b"))))).toBe("λa λb (a (a b))");
  });

  it("reads a DUP met at its main port as a superposition", () => {
    expect(raw(ctr(2, num(1), num(2)))).toBe("{#2 1 2}");
  });

  it("reads stuck operations and matches on a variable", () => {
    expect(raw(con(op1(0x1000001, v("r")), v("r")))).toBe("λa (+ a 1)");
    expect(raw(con(mat(con(num(10), con(v("p"), v("p"))), v("r")), v("r")))).toBe("λa match a { 0: 10; 1+b: b }");
  });

  it("reads unexpanded references by name", () => {
    expect(raw(ref("Foo"))).toBe("Foo");
  });

  it("recognises Scott-encoded data, preferring the type the fields belong to", () => {
    const tree = data("Tree", [["Both", "a", "b"], ["Leaf", "v"]]);
    const p = program([def("main", Num(0))], [tree]);
    const leaf = (n: number) => con(era(), con(con(num(n), v(`l${n}`)), v(`l${n}`)));
    const both = (a: Net["root"], b: Net["root"], k: string) => con(con(a, con(b, v(k))), con(era(), v(k)));
    expect(showTerm(readbackTerm(net(both(leaf(1), leaf(2), "k")), p))).toBe("(Both (Leaf 1) (Leaf 2))");
    const nil = con(era(), con(v("n"), v("n")));
    expect(showTerm(readbackTerm(net(both(num(1), both(num(2), nil, "k2"), "k1")), p))).toBe("[1, 2]");
  });

  it("turns long and nested Cons chains into lists, items in order", () => {
    const n = 50_000;
    let long: Term = Var("Nil");
    for (let i = n; i >= 1; i--) long = Cons(Num(i), long);
    const nested = Cons(Num(1), Cons(Cons(Num(2), Cons(Num(3), Var("Nil"))), Var("Nil")));
    const whole = Cons(nested, Cons(long, Cons(Var("Nil"), Var("Nil"))));
    const items = Array.from({ length: n }, (_, i) => i + 1).join(", ");
    expect(showTerm(resugar(whole, [LIST_TYPE]))).toBe(`[[1, [2, 3]], [${items}], []]`);
  });

  it("refuses a net that still has redexes", () => {
    expect(() => readbackRaw({ root: v("a"), redexes: [{ left: num(1), right: op2(num(2), v("a")) }] })).toThrow(TermReadbackError);
  });
});
