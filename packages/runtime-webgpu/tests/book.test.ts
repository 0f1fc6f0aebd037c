/**
 * The book as the GPU reads it (bookForm): every definition whose root is a
 * node has that node first, its wires in cell form, and the nodes holding
 * the root slots' cells next; the 8-word header holds the offset, size,
 * redex count, root, node 0's two words in cell form and the first redex.
 */
import { type CompiledDef, compileBook, hasNode, isVar, tagOf, valueOf } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import { BOOK_HEADER, bookForm, encodeBook, partnersNextOrder, permuteNodes, rootFirstOrder, toCellForm } from "../src/book.js";

const defs: CompiledDef[] = loadCorpus()
  .filter((p) => !p.heavy)
  .flatMap((p) => compileBook(parseBook(p.source, p.file)).defs);

const rootNode = (d: CompiledDef): number | undefined => (hasNode(tagOf(d.root)) && !isVar(tagOf(d.root)) ? valueOf(d.root) : undefined);

/** The order that undoes `order`. */
const inverse = (order: readonly number[]): number[] => {
  const inv = new Array<number>(order.length);
  order.forEach((n, i) => (inv[n] = i));
  return inv;
};

const isOrder = (order: readonly number[], size: number): boolean =>
  [...order].sort((a, b) => a - b).every((n, i) => n === i) && order.length === size;

/** `d` with its last node stored first: the root's node moves away from node 0. */
const rotated = (d: CompiledDef): CompiledDef => permuteNodes(d, [d.size - 1, ...Array.from({ length: d.size - 1 }, (_, i) => i)]);

describe("bookForm", () => {
  const rooted = defs.filter((d) => rootNode(d) !== undefined && d.size >= 3);
  const all = [...rooted, ...rooted.map(rotated)];

  it("has definitions whose root is a node and whose root slots lead to other nodes to test", () => {
    expect(rooted.filter((d) => isVar(tagOf(d.nodes[2 * rootNode(d)!]))).length).toBeGreaterThan(10);
  });

  it("puts the root's node first and the nodes holding its slots' cells next", () => {
    for (const d of all) {
      const b = bookForm(d);
      expect(valueOf(b.root)).toBe(0);
      const next = [0, 1].filter((s) => isVar(tagOf(b.nodes[s]))).map((s) => valueOf(b.nodes[s]));
      expect(next.every((n) => n >= 1 && n <= next.length)).toBe(true);
    }
  });

  it("keeps each wire's cell where the root-first order put it", () => {
    for (const d of all) {
      const first = permuteNodes(d, rootFirstOrder(d));
      const cells = { ...first, nodes: toCellForm(first) };
      const order = partnersNextOrder(cells);
      expect(isOrder(order, d.size)).toBe(true);
      const back = permuteNodes(bookForm(d), inverse(order));
      expect([...back.nodes]).toEqual([...cells.nodes]);
      expect([...back.redexes]).toEqual([...cells.redexes]);
      expect(back.root).toBe(cells.root);
    }
  });

  it("moves nodes as a permutation: storing them back in their first order gives the definition back", () => {
    for (const d of all) {
      const order = rootFirstOrder(d);
      expect(isOrder(order, d.size)).toBe(true);
      const back = permuteNodes(permuteNodes(d, order), inverse(order));
      expect(back.root).toBe(d.root);
      expect([...back.nodes]).toEqual([...d.nodes]);
      expect([...back.redexes]).toEqual([...d.redexes]);
    }
  });

  it("leaves a definition whose root is no node in its order", () => {
    for (const d of defs.filter((x) => rootNode(x) === undefined)) {
      expect([...bookForm(d).nodes]).toEqual([...toCellForm(d)]);
    }
  });
});

describe("encodeBook", () => {
  it("writes each definition's 8-word header and its data in book form", () => {
    const book = compileBook(parseBook(loadCorpus().find((p) => p.name === "sum-tree")!.source));
    const out = encodeBook(book);
    book.defs.forEach((def, i) => {
      const d = bookForm(def);
      const cells = d.nodes;
      const h = [...out.subarray(BOOK_HEADER * i, BOOK_HEADER * (i + 1))];
      expect(h).toEqual([h[0], d.size, d.redexes.length / 2, d.root, cells[0], cells[1], d.redexes[0] ?? 0, d.redexes[1] ?? 0]);
      expect([...out.subarray(h[0], h[0] + cells.length)]).toEqual([...cells]);
      expect([...out.subarray(h[0] + cells.length, h[0] + cells.length + d.redexes.length)]).toEqual([...d.redexes]);
    });
  });
});
