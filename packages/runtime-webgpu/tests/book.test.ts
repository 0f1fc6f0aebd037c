/**
 * The book as the GPU reads it: every definition whose root is a node has
 * that node first (rootFirst, a renumbering of nodes 0 and k), and the
 * 8-word header holds the offset, size, redex count, root, node 0's two
 * words in cell form and the first redex.
 */
import { type CompiledDef, compileBook, hasNode, isVar, tagOf, valueOf } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import { BOOK_HEADER, encodeBook, rootFirst, toCellForm } from "../src/book.js";

const defs: CompiledDef[] = loadCorpus()
  .filter((p) => !p.heavy)
  .flatMap((p) => compileBook(parseBook(p.source, p.file)).defs);

const rootNode = (d: CompiledDef): number | undefined => (hasNode(tagOf(d.root)) && !isVar(tagOf(d.root)) ? valueOf(d.root) : undefined);

/** Node n of `d` under the swap of nodes 0 and k. */
const swapped = (n: number, k: number): number => (n === k ? 0 : n === 0 ? k : n);
const renumber = (p: number, k: number): number => (hasNode(tagOf(p)) ? ((swapped(valueOf(p), k) << 4) | tagOf(p)) >>> 0 : p);

/** `d` with nodes 0 and k swapped (every port renumbered). */
function swapNodes(d: CompiledDef, k: number): CompiledDef {
  const nodes = new Uint32Array(d.nodes.length);
  for (let n = 0; n < d.size; n++) {
    const m = swapped(n, k);
    nodes[2 * m] = renumber(d.nodes[2 * n], k);
    nodes[2 * m + 1] = renumber(d.nodes[2 * n + 1], k);
  }
  return { ...d, nodes, redexes: d.redexes.map((p) => renumber(p, k)), root: renumber(d.root, k) };
}

describe("rootFirst", () => {
  const rooted = defs.filter((d) => rootNode(d) === 0 && d.size >= 2);

  it("has definitions whose root is a node to test", () => {
    expect(rooted.length).toBeGreaterThan(10);
  });

  it("moves the root's node back to node 0, renumbering every port that names either node", () => {
    for (const d of rooted) {
      for (const k of [1, d.size - 1]) {
        const moved = swapNodes(d, k);
        expect(valueOf(moved.root)).toBe(k);
        const r = rootFirst(moved);
        expect(r.root).toBe(d.root);
        expect([...r.nodes]).toEqual([...d.nodes]);
        expect([...r.redexes]).toEqual([...d.redexes]);
      }
    }
  });

  it("leaves a definition whose root is node 0 or no node as it is", () => {
    for (const d of defs.filter((x) => (rootNode(x) ?? 0) === 0)) expect(rootFirst(d)).toBe(d);
  });
});

describe("encodeBook", () => {
  it("writes each definition's 8-word header and its data in cell form, root's node first", () => {
    const book = compileBook(parseBook(loadCorpus().find((p) => p.name === "sum-tree")!.source));
    const out = encodeBook(book);
    book.defs.forEach((def, i) => {
      const d = rootFirst(def);
      const cells = toCellForm(d);
      const h = [...out.subarray(BOOK_HEADER * i, BOOK_HEADER * (i + 1))];
      expect(h).toEqual([h[0], d.size, d.redexes.length / 2, d.root, cells[0], cells[1], d.redexes[0] ?? 0, d.redexes[1] ?? 0]);
      expect([...out.subarray(h[0], h[0] + cells.length)]).toEqual([...cells]);
      expect([...out.subarray(h[0] + cells.length, h[0] + cells.length + d.redexes.length)]).toEqual([...d.redexes]);
    });
  });
});
