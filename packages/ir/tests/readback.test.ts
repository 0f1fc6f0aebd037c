import { describe, expect, it } from "vitest";
import {
  ReadbackError, Tag, arrayHeap, canonicalize, compileNet, con, ctr, dup, era, mat, netEquals, num, op1, op2, port, readTree, readback, ref,
  shiftPort, treeEquals, v, type Net, type Tree,
} from "../src/index.js";

const vr1 = (n: number) => port(Tag.VR1, n);
const vr2 = (n: number) => port(Tag.VR2, n);
const ct = (l: number, n: number) => port(Tag.CT0 + l, n);

describe("readback of hand-built heaps", () => {
  it("reads a node whose aux ports are wired to each other", () => {
    // node 0: root slot -> CT0 node 1; node 1: (a a)
    const heap = Uint32Array.from([0, ct(0, 1), vr2(1), vr1(1)]);
    const n = readback(arrayHeap(heap), []);
    expect(netEquals(n, { root: con(v("v2"), v("v2")), redexes: [] })).toBe(true);
    expect(netEquals(canonicalize(n), { root: con(v("a"), v("a")), redexes: [] })).toBe(true);
  });

  it("reads every tree kind, references by name, and an OP1's stored number", () => {
    // root -> {2 #7 <!#5 ?[* @g] <x x>>}: node 1 CT2, node 2 OP1 (stored #5), node 3 MAT, node 4 CT1, node 5 OP2 (aux 1 <-> aux 2)
    const heap = new Uint32Array(2 * 6);
    heap[1] = ct(2, 1);
    heap[2] = port(Tag.NUM, 7);
    heap[3] = port(Tag.OP1, 2);
    heap[4] = port(Tag.NUM, 5);
    heap[5] = port(Tag.MAT, 3);
    heap[6] = ct(1, 4);
    heap[7] = port(Tag.OP2, 5);
    heap[8] = Tag.ERA;
    heap[9] = port(Tag.REF, 1);
    heap[10] = vr2(5);
    heap[11] = vr1(5);
    const n = readback(arrayHeap(heap), ["f", "g"]);
    const want = ctr(2, num(7), op1(5, mat(dup(era(), ref("g")), op2(v("x"), v("x")))));
    expect(treeEquals(canonicalize(n).root, canonicalize({ root: want, redexes: [] }).root)).toBe(true);
  });

  it("reads a variable at the root (wired to an aux slot) and the remaining redexes", () => {
    // root <-> node 1 aux 2; node 1 = (#3 r); redex: CT0 node 1 ~ REF 0
    const heap = Uint32Array.from([0, vr2(1), port(Tag.NUM, 3), vr2(0)]);
    const n = readback(arrayHeap(heap), ["id"], [ct(0, 1), port(Tag.REF, 0)]);
    expect(netEquals(canonicalize(n), { root: v("a"), redexes: [{ left: con(num(3), v("a")), right: ref("id") }] })).toBe(true);
  });

  it("rejects a wire whose far end does not point back", () => {
    const heap = Uint32Array.from([0, ct(0, 1), vr2(1), Tag.ERA]);
    expect(() => readback(arrayHeap(heap), [])).toThrow(ReadbackError);
    expect(() => readback(arrayHeap(heap), [])).toThrow("readback failed: slot 2 points to slot 3, which does not point back (holds ERA:0)");
  });

  it("rejects a reference to an unknown definition", () => {
    expect(() => readTree(arrayHeap(new Uint32Array(2)), ["f"], port(Tag.REF, 4), -1)).toThrow("readback failed: reference to unknown definition #4");
  });
});

/** Instantiate a compiled net into a fresh heap at offset 1 (node 0 holds the root). */
function instantiate(n: Net): Uint32Array {
  const c = compileNet("t", n, new Map());
  const heap = new Uint32Array(2 * (c.size + 1));
  for (let i = 0; i < c.nodes.length; i++) heap[2 + i] = shiftPort(c.nodes[i], 1);
  heap[1] = shiftPort(c.root, 1);
  return heap;
}

describe("compileNet then readback", () => {
  it("round-trips a closed net with no redex", () => {
    const n: Net = { root: con(v("x"), dup(op2(num(1), v("y")), mat(con(v("y"), era()), v("x")))), redexes: [] };
    expect(netEquals(canonicalize(readback(arrayHeap(instantiate(n)), [])), canonicalize(n))).toBe(true);
  });

  it("handles a tree of depth 1,000,000 through compileNet, readback, canonicalize and equality", () => {
    const depth = 1_000_000;
    let inner: Tree = v("z");
    for (let i = 0; i < depth; i++) inner = ctr(i % 6, num(i % 7), inner);
    const n: Net = { root: con(v("z"), inner), redexes: [] };
    const c = compileNet("deep", n, new Map());
    expect(c.size).toBe(depth + 1);
    const back = canonicalize(readback(arrayHeap(instantiate(n)), []));
    expect(treeEquals(back.root, canonicalize(n).root)).toBe(true);
    let t: Tree = back.root;
    let seen = 0;
    while (t.kind === "ctr") {
      seen++;
      t = t.right;
    }
    expect([seen, t.kind === "var" ? t.name : t.kind]).toEqual([depth + 1, "a"]);
  });
});
