import { describe, expect, it } from "vitest";
import { con, ctr, dup, era, mat, num, op1, op2, ref, v, printBook, printNet, printTree } from "../src/index.js";

describe("printTree", () => {
  it("prints every kind of tree", () => {
    expect(printTree(con(era(), dup(num(7), ctr(3, ref("f"), v("x")))))).toBe("(* [#7 {3 @f x}])");
    expect(printTree(op2(num(1), op1(5, v("r"))))).toBe("<#1 <!#5 r>>");
    expect(printTree(mat(con(num(0), era()), v("r")))).toBe("?(#0 *) r");
  });
});

describe("printNet", () => {
  it("renames variables in order of first appearance, root first", () => {
    const net = { root: v("out"), redexes: [{ left: num(1), right: op2(num(10), op2(num(2), v("out"))) }] };
    expect(printNet(net)).toBe("a\n  & #1 ~ <#10 <#2 a>>");
  });
});

describe("printBook", () => {
  it("ends every definition with a newline", () => {
    const book = {
      defs: [
        { name: "main", net: { root: v("q"), redexes: [{ left: ref("id"), right: con(num(3), v("q")) }] } },
        { name: "id", net: { root: con(v("k"), v("k")), redexes: [] } },
      ],
    };
    expect(printBook(book)).toBe("@main = a\n  & @id ~ (#3 a)\n@id = (a a)\n");
  });
});
