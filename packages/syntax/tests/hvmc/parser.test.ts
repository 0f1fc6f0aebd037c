import { describe, expect, it } from "vitest";
import { con, ctr, dup, era, mat, num, op1, op2, ref, treeEquals, v, type Tree } from "@hvm/ir";
import { parseBook, parseNet, printNet, printTree } from "../../src/index.js";

const tree = (src: string): Tree => parseNet(src).root;

describe("parseNet: each tree form", () => {
  it("parses nullary trees and variables", () => {
    expect(treeEquals(tree("*"), era())).toBe(true);
    expect(treeEquals(tree("@f.x_1"), ref("f.x_1"))).toBe(true);
    expect(treeEquals(tree("#42"), num(42))).toBe(true);
    expect(treeEquals(tree("# 0x1F"), num(31))).toBe(true);
    expect(treeEquals(tree("#268435455"), num(268435455))).toBe(true);
    expect(treeEquals(tree("x.y_0"), v("x.y_0"))).toBe(true);
    expect(treeEquals(tree("007"), v("007"))).toBe(true);
  });

  it("parses binary nodes of every label, OP2, OP1 and MAT", () => {
    expect(treeEquals(tree("(a b)"), con(v("a"), v("b")))).toBe(true);
    expect(treeEquals(tree("[a b]"), dup(v("a"), v("b")))).toBe(true);
    expect(treeEquals(tree("{0 a b}"), con(v("a"), v("b")))).toBe(true);
    expect(treeEquals(tree("{1 a b}"), dup(v("a"), v("b")))).toBe(true);
    expect(treeEquals(tree("{5 a {0x2 b c}}"), ctr(5, v("a"), ctr(2, v("b"), v("c"))))).toBe(true);
    expect(treeEquals(tree("<#1 r>"), op2(num(1), v("r")))).toBe(true);
    expect(treeEquals(tree("<!#7 r>"), op1(7, v("r")))).toBe(true);
    expect(treeEquals(tree("< ! # 7 r >"), op1(7, v("r")))).toBe(true);
    expect(treeEquals(tree("?(z s) r"), mat(con(v("z"), v("s")), v("r")))).toBe(true);
    expect(treeEquals(tree("(?a b c)"), con(mat(v("a"), v("b")), v("c")))).toBe(true);
  });

  it("parses redexes, including `& x ~ T` and var ~ var, skipping comments", () => {
    const net = parseNet("r // the root\n  & #1 ~ <#10 <#2 r>> // a redex\n  & x ~ * & y ~ z");
    expect(net.redexes.length).toBe(3);
    expect(printNet(net)).toBe("a\n  & #1 ~ <#10 <#2 a>>\n  & b ~ *\n  & c ~ d");
  });
});

describe("spans", () => {
  it("records 1-based line/col and offsets on trees, redexes and definitions", () => {
    const book = parseBook("// c\n@main = (a\n  #5)\n  & a ~ @f\n@f = *\n");
    const main = book.defs[0];
    expect(main.span).toEqual({ start: 5, end: 10, line: 2, col: 1 });
    const root = main.net.root as Extract<Tree, { kind: "ctr" }>;
    expect(root.span).toEqual({ start: 13, end: 21, line: 2, col: 9 });
    expect(root.left.span).toEqual({ start: 14, end: 15, line: 2, col: 10 });
    expect(root.right.span).toEqual({ start: 18, end: 20, line: 3, col: 3 });
    expect(main.net.redexes[0].span).toEqual({ start: 24, end: 32, line: 4, col: 3 });
    expect(main.net.redexes[0].right.span).toEqual({ start: 30, end: 32, line: 4, col: 9 });
    expect(book.defs[1].span).toEqual({ start: 33, end: 35, line: 5, col: 1 });
  });

  it("spans a MAT from '?' to the end of its return tree", () => {
    const t = tree("?(a b) [c d]");
    expect(t.span).toEqual({ start: 0, end: 12, line: 1, col: 1 });
  });
});

describe("parseBook", () => {
  it("parses definitions in order with their nets", () => {
    const book = parseBook("@main = a & @id ~ (#3 a)\n@id = (k k)");
    expect(book.defs.map((d) => d.name)).toEqual(["main", "id"]);
    expect(printNet(book.defs[0].net)).toBe("a\n  & @id ~ (#3 a)");
    expect(printNet(book.defs[1].net)).toBe("(a a)");
  });

  it("parses an empty book and a book of comments", () => {
    expect(parseBook("").defs).toEqual([]);
    expect(parseBook("// nothing\n\n// here").defs).toEqual([]);
  });
});

describe("depth", () => {
  it("parses and prints a tree of depth 1,000,000 without recursion", () => {
    const n = 1_000_000;
    const src = "(a ".repeat(n) + "b" + ")".repeat(n);
    const net = parseNet(src);
    let depth = 0;
    let t: Tree = net.root;
    while (t.kind === "ctr") {
      depth++;
      t = t.right;
    }
    expect(depth).toBe(n);
    expect(printTree(net.root)).toBe(src);
    expect(printNet(net)).toBe(src);
  });

  it("parses a deep left spine of OP2, MAT and OP1 nodes", () => {
    const n = 200_000;
    const src = "<".repeat(n) + "#1" + " ?r s>".repeat(n);
    expect(printTree(parseNet(src).root)).toBe(src);
    const src1 = "<!#3 ".repeat(n) + "x" + ">".repeat(n);
    expect(printTree(parseNet(src1).root)).toBe(src1);
  });
});
