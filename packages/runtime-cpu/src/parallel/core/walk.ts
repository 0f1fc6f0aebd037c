/**
 * Reading the cell-form heap once no worker runs: following a wire from a
 * slot to what it ends at, the normal-form REF expansion walk, and readback
 * into an ir.Net.
 *
 * A slot holding VR(c) is a wire end whose cell is c: when c is the slot
 * itself or heap[c] is still VR(c) (empty), the wire is a variable named after
 * c; when heap[c] holds RD(d) the wire continues at cell d; when it holds a
 * main port the tree continues there. A slot may also hold RD(d) or a main
 * port directly.
 */
import { type Net, type Tree, ReadbackError, Tag, canonicalize, labelOf } from "@hvm/ir";
import type { Machine } from "./machine.js";
import { isWire, slotOf, vr } from "./layout.js";

/**
 * Follow the wire leaving slot `s`. Returns the main port it ends at (and
 * its slot in where[0]), or VR(c) for a variable whose empty cell is c.
 */
export function follow(heap: Int32Array, s: number, where: Int32Array): number {
  let loc = s;
  let p = heap[s];
  if (p === vr(s)) return p;
  for (let hops = 0; isWire(p); hops++) {
    const c = slotOf(p);
    const q = heap[c];
    if (q === vr(c)) return q;
    if (hops > heap.length) throw new ReadbackError(`slot ${s} is on a wire that loops through redirects`);
    loc = c;
    p = q;
  }
  where[0] = loc;
  return p;
}

/** Binary nodes: the walk and readback descend through both aux slots. */
const isBinary = (tag: number): boolean => tag === Tag.OP2 || tag === Tag.MAT || tag >= Tag.CT0;

/**
 * Expand every REF reachable from the slots `from` through binary nodes
 * (a DREF each, pushed onto m's stack). Returns the slots expanded: the next
 * walk starts there, as nothing else can change.
 */
export function expandReachable(m: Machine, from: readonly number[]): number[] {
  const heap = m.heap;
  const where = new Int32Array(1);
  const stack = from.slice();
  const expanded: number[] = [];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const p = follow(heap, s, where);
    const tag = p & 0xf;
    if (tag === Tag.REF) {
      expanded.push(where[0]);
      m.expandAt(p >>> 4, where[0]);
    } else if (isBinary(tag)) {
      const n = 2 * (p >>> 4);
      stack.push(n + 1, n);
    }
  }
  return expanded;
}

type Frame = { enter: number } | { build: number; value: number };

/** Read the net hanging from the root slot; variables are named after their cells, then canonicalized. */
export function readNet(heap: Int32Array, names: readonly string[], rootSlot: number): Net {
  const where = new Int32Array(1);
  const out: Tree[] = [];
  const stack: Frame[] = [{ enter: rootSlot }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if ("build" in f) {
      const right = out.pop()!;
      if (f.build === Tag.OP1) {
        out.push({ kind: "op1", value: f.value, right });
        continue;
      }
      const left = out.pop()!;
      if (f.build === Tag.OP2) out.push({ kind: "op2", left, right });
      else if (f.build === Tag.MAT) out.push({ kind: "mat", left, right });
      else out.push({ kind: "ctr", label: labelOf(f.build), left, right });
      continue;
    }
    const p = follow(heap, f.enter, where);
    const tag = p & 0xf;
    if (isWire(p)) {
      out.push({ kind: "var", name: `c${slotOf(p)}` });
    } else if (tag === Tag.ERA) {
      out.push({ kind: "era" });
    } else if (tag === Tag.NUM) {
      out.push({ kind: "num", value: p >>> 4 });
    } else if (tag === Tag.REF) {
      const name = names[p >>> 4];
      if (name === undefined) throw new ReadbackError(`reference to unknown definition #${p >>> 4}`);
      out.push({ kind: "ref", name });
    } else if (tag === Tag.OP1) {
      const n = 2 * (p >>> 4);
      stack.push({ build: tag, value: heap[n] >>> 4 }, { enter: n + 1 });
    } else {
      const n = 2 * (p >>> 4);
      stack.push({ build: tag, value: 0 }, { enter: n + 1 }, { enter: n });
    }
  }
  return canonicalize({ root: out[0], redexes: [] });
}
