/**
 * Readback: heap -> Net AST. Starts at the root slot (node 0, aux 2) and walks
 * the trees iteratively, so arbitrarily deep normal forms read back without
 * recursion. A wire between two aux slots becomes a variable named after the
 * lower slot; `canonicalize` gives the printed names.
 */
import type { Net, Tree } from "./ast.js";
import { ReadbackError } from "./errors.js";
import { ROOT_SLOT, TAG_NAMES, Tag, isVar, labelOf, slotOf, tagOf, valueOf, varTo } from "./port.js";

export interface HeapView {
  /** The port stored at a slot (2*node + aux). */
  get(slot: number): number;
}

/** Wrap a flat Uint32Array heap. */
export const arrayHeap = (heap: Uint32Array): HeapView => ({ get: (slot) => heap[slot] });

/**
 * Read the net hanging from the root slot. `names[i]` names definition i.
 * Remaining redexes (pairs of main ports) are read back too when given.
 */
export function readback(heap: HeapView, names: readonly string[], redexes: ArrayLike<number> = []): Net {
  const root = readTree(heap, names, heap.get(ROOT_SLOT), ROOT_SLOT);
  const out: Array<{ left: Tree; right: Tree }> = [];
  for (let i = 0; i + 1 < redexes.length; i += 2) {
    out.push({ left: readTree(heap, names, redexes[i], -1), right: readTree(heap, names, redexes[i + 1], -1) });
  }
  return { root, redexes: out };
}

type Frame = { p: number; at: number; kind: "enter" } | { kind: "build"; tag: number; value: number };

/** Read the tree whose port `p` is stored at heap slot `at` (-1: not in the heap). */
export function readTree(heap: HeapView, names: readonly string[], p0: number, at0: number): Tree {
  const out: Tree[] = [];
  const stack: Frame[] = [{ kind: "enter", p: p0, at: at0 }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === "build") {
      if (f.tag === Tag.OP1) {
        const right = out.pop()!;
        out.push({ kind: "op1", value: f.value, right });
        continue;
      }
      const right = out.pop()!;
      const left = out.pop()!;
      if (f.tag === Tag.OP2) out.push({ kind: "op2", left, right });
      else if (f.tag === Tag.MAT) out.push({ kind: "mat", left, right });
      else out.push({ kind: "ctr", label: labelOf(f.tag), left, right });
      continue;
    }
    const { p, at } = f;
    const tag = tagOf(p);
    if (isVar(tag)) {
      const target = slotOf(p);
      const back = heap.get(target);
      if (at >= 0 && (!isVar(tagOf(back)) || slotOf(back) !== at)) {
        throw new ReadbackError(`slot ${at} points to slot ${target}, which does not point back (holds ${TAG_NAMES[tagOf(back)]}:${valueOf(back)})`);
      }
      out.push({ kind: "var", name: `v${Math.min(at, target)}` });
      continue;
    }
    switch (tag) {
      case Tag.ERA:
        out.push({ kind: "era" });
        break;
      case Tag.NUM:
        out.push({ kind: "num", value: valueOf(p) });
        break;
      case Tag.REF: {
        const name = names[valueOf(p)];
        if (name === undefined) throw new ReadbackError(`reference to unknown definition #${valueOf(p)}`);
        out.push({ kind: "ref", name });
        break;
      }
      case Tag.OP1: {
        const node = valueOf(p);
        const stored = heap.get(2 * node);
        stack.push({ kind: "build", tag, value: valueOf(stored) });
        stack.push({ kind: "enter", p: heap.get(2 * node + 1), at: 2 * node + 1 });
        break;
      }
      default: {
        const node = valueOf(p);
        stack.push({ kind: "build", tag, value: 0 });
        stack.push({ kind: "enter", p: heap.get(2 * node + 1), at: 2 * node + 1 });
        stack.push({ kind: "enter", p: heap.get(2 * node), at: 2 * node });
        break;
      }
    }
  }
  return out[0];
}

/** The variable pointer to a slot, re-exported for runtimes building heaps. */
export { varTo };
