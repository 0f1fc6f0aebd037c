/**
 * Host-side walks over a quiescent cell-form heap (no redex left):
 *
 * - `findRefs`: the slots holding REFs reachable from the root through
 *   CT0..CT5, OP2 and MAT nodes (the normal-form expansion walk of ir);
 * - `readNet`: the net hanging from the root, variables named after their
 *   cells, as an ir.Net (canonicalize it for printing).
 *
 * Following a wire end: a slot holding VR(c) continues at cell c; a cell
 * holding VR(itself) is an unfilled wire (a variable named after c); a cell
 * holding RD(d) continues at cell d; a cell holding a main port means the
 * tree continues there. Both walks are iterative.
 */
import { type Net, ROOT_SLOT, ReadbackError, TAG_NAMES, Tag, type Tree, isVar, labelOf, slotOf, tagOf, valueOf, varTo } from "@hvm/ir";

export type Heap = (slot: number) => number;

/** A main port and the slot it physically sits in, or a variable (tag -1) named after its cell. */
interface End {
  port: number;
  at: number;
  variable: boolean;
}

export function resolve(heap: Heap, p0: number, at0: number, limit: number): End {
  let p = p0;
  let at = at0;
  for (let hops = 0; hops <= limit; hops++) {
    if (!isVar(tagOf(p))) return { port: p, at, variable: false };
    const c = slotOf(p);
    if (c === at && tagOf(p) <= Tag.VR2) return { port: p, at: c, variable: true };
    const w = heap(c);
    if (w === varTo(c)) return { port: w, at: c, variable: true };
    if (w === 0) throw new ReadbackError(`slot ${at} leads to slot ${c}, which is free`);
    p = w;
    at = c;
  }
  throw new ReadbackError(`a wire from slot ${at0} does not end after ${limit} redirects`);
}

/** Binary node tags the expansion walk enters: OP2, MAT, CT0..CT5. */
const walked = (tag: number): boolean => tag === Tag.OP2 || tag === Tag.MAT || tag >= Tag.CT0;

/**
 * Slots holding REFs reachable from `starts` (the root slot first, then the
 * slots expanded by the previous walk: everything else was walked already)
 * through binary nodes.
 */
export function findRefs(heap: Heap, slots: number, starts: readonly number[] = [ROOT_SLOT]): number[] {
  const found: number[] = [];
  const stack = starts.slice();
  while (stack.length > 0) {
    const s = stack.pop()!;
    const end = resolve(heap, heap(s), s, slots);
    if (end.variable) continue;
    const tag = tagOf(end.port);
    if (tag === Tag.REF) found.push(end.at);
    else if (walked(tag)) {
      const n = valueOf(end.port) << 1;
      stack.push(n + 1, n);
    }
  }
  return found;
}

type Frame = { kind: "enter"; slot: number } | { kind: "build"; tag: number; value: number };

/** The net hanging from the root slot; `names[i]` names definition i. */
export function readNet(heap: Heap, slots: number, names: readonly string[]): Net {
  const out: Tree[] = [];
  const stack: Frame[] = [{ kind: "enter", slot: ROOT_SLOT }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === "build") {
      const right = out.pop()!;
      if (f.tag === Tag.OP1) {
        out.push({ kind: "op1", value: f.value, right });
        continue;
      }
      const left = out.pop()!;
      if (f.tag === Tag.OP2) out.push({ kind: "op2", left, right });
      else if (f.tag === Tag.MAT) out.push({ kind: "mat", left, right });
      else out.push({ kind: "ctr", label: labelOf(f.tag), left, right });
      continue;
    }
    const end = resolve(heap, heap(f.slot), f.slot, slots);
    if (end.variable) {
      out.push({ kind: "var", name: `v${end.at}` });
      continue;
    }
    const p = end.port;
    const tag = tagOf(p);
    const n = valueOf(p) << 1;
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
      case Tag.OP1:
        stack.push({ kind: "build", tag, value: valueOf(heap(n)) }, { kind: "enter", slot: n + 1 });
        break;
      default:
        if (n === 0) throw new ReadbackError(`${TAG_NAMES[tag]} points to the reserved node 0`);
        stack.push({ kind: "build", tag, value: 0 }, { kind: "enter", slot: n + 1 }, { kind: "enter", slot: n });
        break;
    }
  }
  return { root: out[0], redexes: [] };
}
