/**
 * The compiled book as the GPU reads it, in cell form, and the host-side
 * boot of the entry definition.
 *
 * Book buffer: a header of BOOK_HEADER words per definition (data offset,
 * size in nodes, redex count, root port, node 0's two words, the first
 * redex or two zeros), then each definition's data: 2*size node words, then
 * 2*redexes words. Every part has an even number of words: the shader reads
 * the book as word pairs (vec2<u32>), one load a node or redex, four for a
 * header. A definition whose root is a node has that node first
 * and the nodes holding its slots' cells next (bookForm), so the header
 * holds what a DREF that annihilates the root with its partner needs, the
 * copy starts after it and the links of the root's slots fall in the
 * copy's first step. Every aux-aux wire {s, t} of ir's interchange form
 * (heap[s] = VR(t), heap[t] = VR(s)) is stored in cell form: one slot c is
 * the wire's cell (the higher one with the root's node first; moving the
 * nodes after that keeps it), both slots hold VR(c).
 */
import { type CompiledBook, type CompiledDef, ROOT_SLOT, hasNode, isVar, port, shiftPort, slotOf, tagOf, valueOf, varTo } from "@hvm/ir";

/** Words of a definition's header in the book buffer. */
export const BOOK_HEADER = 8;

/** The root's node, when the root is a node. */
const rootNode = (def: CompiledDef): number | undefined => (hasNode(tagOf(def.root)) && !isVar(tagOf(def.root)) ? valueOf(def.root) : undefined);

/** The order with the root's node (when the root is a node) and node 0 swapped (order[i]: the node stored i-th). */
export function rootFirstOrder(def: CompiledDef): number[] {
  const k = rootNode(def) ?? 0;
  return Array.from({ length: def.size }, (_, i) => (i === 0 ? k : i === k ? 0 : i));
}

/**
 * For a definition in cell form whose root is node 0: node 0, then the
 * nodes holding the cells its two slots refer to, then the rest in their
 * order. A DREF that annihilates the root with its partner copies from
 * node 1 and makes the links of those two slots in the copy's first step
 * (docs/webgpu.md, "DREF fused with its root's annihilation").
 */
export function partnersNextOrder(def: CompiledDef): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (n: number): void => {
    if (n < def.size && !placed.has(n)) {
      placed.add(n);
      order.push(n);
    }
  };
  if (rootNode(def) === 0) {
    place(0);
    for (const s of [0, 1]) if (isVar(tagOf(def.nodes[s]))) place(valueOf(def.nodes[s]));
  }
  for (let n = 0; n < def.size; n++) place(n);
  return order;
}

/**
 * A definition as the book stores it: the root's node first, every aux-aux
 * wire in cell form (its cell the slot that is higher in that order), then
 * the nodes holding the root slots' cells moved next, each wire keeping its
 * cell.
 */
export function bookForm(def: CompiledDef): CompiledDef {
  const first = permuteNodes(def, rootFirstOrder(def));
  const cells = { ...first, nodes: toCellForm(first) };
  return permuteNodes(cells, partnersNextOrder(cells));
}

/** The definition with its nodes stored in `order` (order[i]: the node stored i-th), every port renumbered. */
export function permuteNodes(def: CompiledDef, order: readonly number[]): CompiledDef {
  if (order.every((n, i) => n === i)) return def;
  const at = new Array<number>(def.size);
  order.forEach((n, i) => (at[n] = i));
  const renumber = (p: number): number => (hasNode(tagOf(p)) ? port(tagOf(p), at[valueOf(p)]) : p);
  const nodes = new Uint32Array(def.nodes.length);
  order.forEach((n, i) => {
    nodes[2 * i] = renumber(def.nodes[2 * n]);
    nodes[2 * i + 1] = renumber(def.nodes[2 * n + 1]);
  });
  return { ...def, nodes, redexes: def.redexes.map(renumber), root: renumber(def.root) };
}

/** A definition's nodes with every aux-aux wire rewritten to cell form. */
export function toCellForm(def: CompiledDef): Uint32Array {
  const nodes = def.nodes.slice();
  for (let s = 0; s < nodes.length; s++) {
    const p = def.nodes[s];
    if (!isVar(tagOf(p))) continue;
    const c = Math.max(s, slotOf(p));
    nodes[s] = varTo(c);
  }
  return nodes;
}

export function encodeBook(book: CompiledBook): Uint32Array {
  const header = BOOK_HEADER * book.defs.length;
  let words = header;
  for (const d of book.defs) words += d.nodes.length + d.redexes.length;
  const out = new Uint32Array(Math.max(words, BOOK_HEADER));
  let off = header;
  book.defs.forEach((def, i) => {
    const d = bookForm(def);
    const cells = d.nodes;
    const h = BOOK_HEADER * i;
    out.set([off, d.size, d.redexes.length / 2, d.root, cells[0] ?? 0, cells[1] ?? 0, d.redexes[0] ?? 0, d.redexes[1] ?? 0], h);
    out.set(cells, off);
    off += cells.length;
    out.set(d.redexes, off);
    off += d.redexes.length;
  });
  return out;
}

export interface Boot {
  /** Heap words [0, slots.length): node 0 and the entry's nodes at `base`. */
  slots: Uint32Array;
  /** Redex pairs of the entry. */
  redexes: Uint32Array;
  /** Nodes used up to here (first free node). */
  used: number;
}

/**
 * Expand the entry into the root on the host (the boot's one DREF): node 0
 * holds a marker in aux1 (so its chunk is never free) and the root cell in
 * aux2; the entry's nodes go at `base`.
 */
export function bootEntry(def: CompiledDef, base: number, marker: number): Boot {
  const used = base + def.size;
  const slots = new Uint32Array(2 * used);
  slots[0] = marker;
  slots[ROOT_SLOT] = varTo(ROOT_SLOT);
  const cells = toCellForm(def);
  for (let i = 0; i < cells.length; i++) slots[2 * base + i] = shiftPort(cells[i], base);
  const root = shiftPort(def.root, base);
  if (isVar(tagOf(root))) slots[slotOf(root)] = varTo(ROOT_SLOT);
  else slots[ROOT_SLOT] = root;
  const redexes = new Uint32Array(def.redexes.length);
  for (let i = 0; i < redexes.length; i++) redexes[i] = shiftPort(def.redexes[i], base);
  return { slots, redexes, used };
}
