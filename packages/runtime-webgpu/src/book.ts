/**
 * The compiled book as the GPU reads it, in cell form, and the host-side
 * boot of the entry definition.
 *
 * Book buffer: 4 words per definition (data offset, size in nodes, redex
 * count, root port), then each definition's data: 2*size node words, then
 * 2*redexes words. Every aux-aux wire {s, t} of ir's interchange form
 * (heap[s] = VR(t), heap[t] = VR(s)) is stored in cell form: the higher slot
 * c is the wire's cell, both slots hold VR(c).
 */
import { type CompiledBook, type CompiledDef, ROOT_SLOT, isVar, shiftPort, slotOf, tagOf, varTo } from "@hvm/ir";

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
  const header = 4 * book.defs.length;
  let words = header;
  for (const d of book.defs) words += d.nodes.length + d.redexes.length;
  const out = new Uint32Array(Math.max(words, 4));
  let off = header;
  book.defs.forEach((d, i) => {
    out[4 * i] = off;
    out[4 * i + 1] = d.size;
    out[4 * i + 2] = d.redexes.length / 2;
    out[4 * i + 3] = d.root;
    out.set(toCellForm(d), off);
    off += d.nodes.length;
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
