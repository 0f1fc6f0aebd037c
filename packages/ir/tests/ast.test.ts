import { describe, expect, it } from "vitest";
import {
  bookEquals, canonicalName, canonicalize, children, con, ctr, dup, era, forEachTree, mapNet, mat, netEquals, netSize, num, op1, op2, ref,
  treeEquals, v, withChildren, type Net, type Tree,
} from "../src/index.js";

describe("canonicalName", () => {
  it("names a..z, then aa..az, ba.., zz, aaa", () => {
    expect([0, 1, 25].map(canonicalName)).toEqual(["a", "b", "z"]);
    expect([26, 27, 51, 52, 701, 702, 703].map(canonicalName)).toEqual(["aa", "ab", "az", "ba", "zz", "aaa", "aab"]);
  });
});

describe("canonicalize", () => {
  it("renames in order of first appearance, root first, then redexes left to right, and drops spans", () => {
    const span = { start: 0, end: 1, line: 1, col: 1 };
    const n: Net = {
      root: con({ kind: "var", name: "q", span }, v("p")),
      redexes: [
        { left: v("r"), right: dup(v("p"), v("s")), span },
        { left: op2(v("s"), v("q")), right: v("r") },
      ],
    };
    const c = canonicalize(n);
    expect(netEquals(c, { root: con(v("a"), v("b")), redexes: [{ left: v("c"), right: dup(v("b"), v("d")) }, { left: op2(v("d"), v("a")), right: v("c") }] })).toBe(true);
    expect(c.root).toEqual({ kind: "ctr", label: 0, left: { kind: "var", name: "a" }, right: { kind: "var", name: "b" } });
    expect("span" in c.redexes[0]).toBe(false);
  });

  it("is idempotent and keeps non-variable leaves", () => {
    const n: Net = { root: mat(con(ref("f"), num(9)), op1(3, era())), redexes: [] };
    expect(netEquals(canonicalize(n), n)).toBe(true);
    expect(netEquals(canonicalize(canonicalize(n)), canonicalize(n))).toBe(true);
  });

  it("canonicalizes a tree of depth 1,000,000 without recursion", () => {
    let t: Tree = v("end");
    for (let i = 0; i < 1_000_000; i++) t = op2(v(`x${i}`), t);
    const n: Net = { root: t, redexes: [] };
    const c = canonicalize(n);
    let cur = c.root;
    const firsts: string[] = [];
    while (cur.kind === "op2") {
      if (firsts.length < 3 && cur.left.kind === "var") firsts.push(cur.left.name);
      cur = cur.right;
    }
    expect(firsts).toEqual(["a", "b", "c"]);
    expect(cur).toEqual({ kind: "var", name: canonicalName(1_000_000) });
    expect(netSize(c)).toBe(2_000_001);
  });
});

describe("equality and traversal", () => {
  it("treeEquals compares kind, label, value and names, ignoring spans", () => {
    expect(treeEquals(ctr(2, era(), num(1)), ctr(2, era(), num(1)))).toBe(true);
    expect(treeEquals(ctr(2, era(), num(1)), ctr(3, era(), num(1)))).toBe(false);
    expect(treeEquals(num(1), num(2))).toBe(false);
    expect(treeEquals(op1(1, era()), op1(2, era()))).toBe(false);
    expect(treeEquals(op2(era(), era()), mat(era(), era()))).toBe(false);
    expect(treeEquals(v("a"), { kind: "var", name: "a", span: { start: 3, end: 4, line: 1, col: 4 } })).toBe(true);
  });

  it("bookEquals compares names and nets in order", () => {
    const a = { defs: [{ name: "f", net: { root: era(), redexes: [] } }] };
    expect(bookEquals(a, { defs: [{ name: "f", net: { root: era(), redexes: [] } }] })).toBe(true);
    expect(bookEquals(a, { defs: [{ name: "g", net: { root: era(), redexes: [] } }] })).toBe(false);
    expect(bookEquals(a, { defs: [] })).toBe(false);
  });

  it("forEachTree visits in pre-order, root first; children and withChildren agree", () => {
    const seen: string[] = [];
    forEachTree({ root: con(v("a"), op1(4, v("b"))), redexes: [{ left: num(1), right: ref("f") }] }, (t) => seen.push(t.kind));
    expect(seen).toEqual(["ctr", "var", "op1", "var", "num", "ref"]);
    const t = op1(4, v("b"));
    expect(treeEquals(withChildren(t, children(t)), t)).toBe(true);
  });

  it("mapNet rebuilds bottom-up", () => {
    const n: Net = { root: con(num(1), num(2)), redexes: [] };
    const m = mapNet(n, (t, kids) => (t.kind === "num" ? num(t.value * 10) : withChildren(t, kids)));
    expect(netEquals(m, { root: con(num(10), num(20)), redexes: [] })).toBe(true);
  });
});
