/**
 * Cell form (docs/linking.md). The interchange format stores an aux-aux wire
 * {s, t} as heap[s] = VR(t), heap[t] = VR(s). The parallel reducer stores it
 * with one slot chosen as the wire's cell c (the higher slot): both slots hold
 * VR(c), and a cell holding VR(c) itself is empty. Compiled definitions are
 * converted once per run, before any worker sees them.
 */
import { type CompiledBook, type CompiledDef, Tag } from "@hvm/ir";
import { isWire, slotOf, vr } from "./layout.js";

/** A definition ready to be copied into the shared heap. */
export interface CellDef {
  readonly name: string;
  /** Two ports per node, node indices relative to 0, wires in cell form. */
  readonly nodes: Int32Array;
  /** Pairs of main ports. */
  readonly redexes: Int32Array;
  /** A main port, or VR(r): the root is wired to local slot r (which holds ERA until linked). */
  readonly root: number;
  readonly size: number;
}

/** Convert one compiled definition to cell form. */
export function toCellDef(def: CompiledDef): CellDef {
  const nodes = new Int32Array(def.nodes.length);
  for (let s = 0; s < def.nodes.length; s++) {
    const p = def.nodes[s] | 0;
    if (isWire(p) && (p & 0xf) <= Tag.VR2) {
      const t = slotOf(p);
      nodes[s] = vr(Math.max(s, t));
    } else {
      nodes[s] = p;
    }
  }
  return { name: def.name, nodes, redexes: Int32Array.from(def.redexes), root: def.root | 0, size: def.size };
}

export function toCellBook(book: CompiledBook): CellDef[] {
  return book.defs.map(toCellDef);
}
