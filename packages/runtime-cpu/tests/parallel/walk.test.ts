/**
 * The pure core without threads: cell form of compiled definitions, and
 * readback of hand-built cell-form heaps (empty cells, deposits, redirect
 * chains), exact arrays and exact printed nets.
 */
import { Tag, compileBook, port, printNet } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { createSharedState, follow, readNet, toCellDef } from "../../src/parallel/index.js";
import { book } from "./helpers.js";

const VR1 = (node: number): number => port(Tag.VR1, node);
const VR2 = (node: number): number => port(Tag.VR2, node);
const RD1 = (node: number): number => port(Tag.RD1, node);
const CT0 = (node: number): number => port(Tag.CT0, node);
const NUM = (n: number): number => port(Tag.NUM, n);

describe("cell form", () => {
  it("stores VR(higher slot) in both slots of an aux-aux wire and keeps everything else", () => {
    const def = compileBook(book("@main = (a (b [a b]))")).defs[0];
    expect(Array.from(def.nodes)).toEqual([VR1(2), CT0(1), VR2(2), CT0(2) + 1, VR1(0), VR1(1)]);
    const cell = toCellDef(def);
    // wires {slot 0, slot 4} and {slot 2, slot 5}: cells 4 and 5
    expect(Array.from(cell.nodes)).toEqual([VR1(2), CT0(1), VR2(2), port(Tag.CT1, 2), VR1(2), VR2(2)]);
    expect(cell.root).toBe(CT0(0));
  });

  it("puts a definition wire's cell at the end expected to be consumed later", () => {
    // nodes in pre-order: 0 = root (x r), 1 = [p q]; redex 0: 2 = (p a); redex 1: 3 = (q b);
    // redex 2 (reduced first of the three): 4 = <a 5>, 5 = <b r>.
    const def = compileBook(book("@sumS = ([p q] r) & @sum ~ (p a) & @sum ~ (q b) & #1 ~ <a <b r>>\n@sum = *"), { entry: "sumS" }).defs[0];
    const cell = toCellDef(def);
    const OP2 = (node: number): number => port(Tag.OP2, node);
    const REF = port(Tag.REF, 1);
    // p: slot 2 vs 4, cell 4 (node 2 waits for its redex); q: 3 vs 6, cell 6; a: 5 vs 8, cell 5
    // (not the OP2 operand slot: OP2N then rewrites node 4 in place); b: 7 vs 10 and r: 1 vs 11,
    // cells in node 5, which waits for node 4's number.
    expect(Array.from(cell.nodes)).toEqual([
      port(Tag.CT1, 1), VR2(5),
      VR1(2), VR1(3),
      VR1(2), VR2(2),
      VR1(3), VR1(5),
      VR2(2), OP2(5),
      VR1(5), VR2(5),
    ]);
    expect(Array.from(cell.redexes)).toEqual([REF, CT0(2), REF, CT0(3), NUM(1), OP2(4)]);
  });
});

describe("readback of a cell-form heap", () => {
  const heapOf = (slots: number[]): Int32Array => {
    const state = createSharedState(8, 1);
    const heap = new Int32Array(state.heap);
    heap.set(slots);
    return heap;
  };

  it("names both ends of a wire after its empty cell", () => {
    // root -> (a a): node 1 = CT0(VR(3), VR(3)), slot 3 is the empty cell
    const heap = heapOf([0, CT0(1), VR2(1), VR2(1)]);
    expect(printNet(readNet(heap, [], 1))).toBe("(a a)");
  });

  it("follows a deposit and a redirect chain to the end of the wire", () => {
    // node 1 = CT0(VR(2), VR(3)); cell 2 (node 1 aux1) holds RD(6); cell 6 holds #7;
    // cell 3 holds RD(5); cell 5 (node 2 aux2) is empty and node 2 aux1 points to it.
    const heap = heapOf([0, CT0(1), RD1(3), RD1(2) + 1, VR2(2), VR2(2), NUM(7), 0]);
    const where = new Int32Array(1);
    expect(follow(heap, 2, where)).toBe(NUM(7));
    expect(where[0]).toBe(6);
    expect(follow(heap, 3, where)).toBe(VR2(2));
    expect(printNet(readNet(heap, [], 1))).toBe("(#7 a)");
  });
});
