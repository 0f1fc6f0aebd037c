/**
 * Encoding: Book AST -> compiled book of compact closed nets, ready to be
 * copied into a heap with an offset (REF expansion).
 *
 * A compiled definition holds `nodes` (2 ports per node, node indices
 * relative to 0), `redexes` (pairs of main ports) and `root`. Ports of node
 * tags (VR1/VR2/OP2/OP1/MAT/CTi) are shifted by the instantiation offset;
 * REF/ERA/NUM are copied as they are. A slot wired to the root holds ERA
 * until instantiation links the root to the slot.
 *
 * Variables are resolved here: wires through `& x ~ T` conveniences and
 * var ~ var redexes are followed until both real ends are known (an aux slot,
 * the root, or a tree's main port); two main ports make a redex.
 */
import type { Book, Net, Tree } from "./ast.js";
import { ErrorCode, HvmError } from "./errors.js";
import { Tag, ctrTag, hasNode, port, varTo } from "./port.js";
import { assertValidBook } from "./validate.js";

export interface CompiledDef {
  readonly name: string;
  /** Two ports per node; node indices relative to 0. */
  readonly nodes: Uint32Array;
  /** Pairs of main ports. */
  readonly redexes: Uint32Array;
  /** The root port. */
  readonly root: number;
  /** Number of nodes (nodes.length / 2). */
  readonly size: number;
}

export interface CompiledBook {
  readonly defs: readonly CompiledDef[];
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Add an instantiation offset to a port of a compiled definition. */
export const shiftPort = (p: number, offset: number): number => (hasNode(p & 0xf) ? (p + (offset << 4)) >>> 0 : p);

/** Validate and compile a book. Throws ValidationError listing every problem. */
export function compileBook(book: Book, opts: { entry?: string } = {}): CompiledBook {
  assertValidBook(book, opts);
  const names = book.defs.map((d) => d.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const defs = book.defs.map((d) => compileNet(d.name, d.net, index));
  return { defs, names, index };
}

// A position is where a tree sits: an aux slot (>= 0), the root (-1), or a
// redex side (-2 - (2*r + s)).
const ROOT_POS = -1;
const sidePos = (r: number, s: number): number => -2 - (2 * r + s);
const isSide = (pos: number): boolean => pos <= -2;
const sideOf = (pos: number): { r: number; s: number } => ({ r: (-2 - pos) >> 1, s: (-2 - pos) & 1 });

/** Compile one closed net. `index` resolves references. */
export function compileNet(name: string, net: Net, index: ReadonlyMap<string, number>): CompiledDef {
  let size = 0;
  const nodeOf = new Map<Tree, number>();
  const order: Tree[] = [];
  const tops: Array<[Tree, number]> = [[net.root, ROOT_POS]];
  net.redexes.forEach((r, i) => tops.push([r.left, sidePos(i, 0)], [r.right, sidePos(i, 1)]));
  // Number the nodes in pre-order and remember where each variable occurs.
  const varPos = new Map<string, number[]>();
  const placed: Array<[Tree, number]> = [];
  for (const [top, pos] of tops) {
    const stack: Array<[Tree, number]> = [[top, pos]];
    while (stack.length > 0) {
      const [t, p] = stack.pop()!;
      placed.push([t, p]);
      if (t.kind === "var") {
        const list = varPos.get(t.name);
        if (list) list.push(p);
        else varPos.set(t.name, [p]);
        continue;
      }
      if (t.kind === "ctr" || t.kind === "op2" || t.kind === "mat" || t.kind === "op1") {
        const n = size++;
        nodeOf.set(t, n);
        order.push(t);
        if (t.kind === "op1") {
          stack.push([t.right, 2 * n + 1]);
        } else {
          stack.push([t.right, 2 * n + 1], [t.left, 2 * n]);
        }
      }
    }
  }
  const nodes = new Uint32Array(2 * size);
  const mainPort = (t: Tree): number => {
    switch (t.kind) {
      case "era":
        return Tag.ERA;
      case "num":
        return port(Tag.NUM, t.value);
      case "ref": {
        const i = index.get(t.name);
        if (i === undefined) throw new HvmError(ErrorCode.REF_UNKNOWN, `unknown reference @${t.name}`);
        return port(Tag.REF, i);
      }
      case "ctr":
        return port(ctrTag(t.label), nodeOf.get(t)!);
      case "op2":
        return port(Tag.OP2, nodeOf.get(t)!);
      case "op1":
        return port(Tag.OP1, nodeOf.get(t)!);
      case "mat":
        return port(Tag.MAT, nodeOf.get(t)!);
      case "var":
        throw new HvmError(ErrorCode.VAR_UNBOUND, `variable '${t.name}' has no main port`);
    }
  };
  for (const t of order) if (t.kind === "op1") nodes[2 * nodeOf.get(t)!] = port(Tag.NUM, t.value);
  // What sits at each position: a tree (non-variable) or a variable name.
  const treeAt = new Map<number, Tree>();
  for (const [t, p] of placed) treeAt.set(p, t);

  let root = Tag.ERA as number;
  const redexes: number[] = [];
  const consumed = new Uint8Array(net.redexes.length);
  const twin = (name: string, from: number): number => {
    const list = varPos.get(name);
    if (!list || list.length !== 2) throw new HvmError(ErrorCode.VAR_UNBOUND, `variable '${name}' must occur exactly twice`);
    return list[0] === from ? list[1] : list[0];
  };
  // An end is an aux slot, the root, or ~(main port) for a tree's main port.
  const setEnd = (end: number, other: number): void => {
    if (end === ROOT_POS) root = other;
    else nodes[end] = other;
  };
  const pointerTo = (end: number): number => (end === ROOT_POS ? Tag.ERA : varTo(end));
  const connect = (a: { end: number } | { main: number }, b: { end: number } | { main: number }): void => {
    if ("main" in a && "main" in b) {
      redexes.push(a.main, b.main);
    } else if ("main" in a) {
      setEnd((b as { end: number }).end, a.main);
    } else if ("main" in b) {
      setEnd(a.end, b.main);
    } else {
      setEnd(a.end, a.end === ROOT_POS ? varTo(b.end) : b.end === ROOT_POS ? pointerTo(ROOT_POS) : varTo(b.end));
      setEnd(b.end, b.end === ROOT_POS ? varTo(a.end) : a.end === ROOT_POS ? pointerTo(ROOT_POS) : varTo(a.end));
    }
  };
  // Follow a wire from a variable occurrence at `pos` to its far real end.
  const follow = (name: string, pos: number): { end: number } | { main: number } => {
    let cur = twin(name, pos);
    for (;;) {
      if (!isSide(cur)) return { end: cur };
      const { r, s } = sideOf(cur);
      consumed[r] = 1;
      const other = sidePos(r, 1 - s);
      const t = treeAt.get(other)!;
      if (t.kind !== "var") return { main: mainPort(t) };
      cur = twin(t.name, other);
    }
  };
  // Non-variable trees at slots and at the root.
  for (const [t, p] of placed) {
    if (t.kind === "var" || isSide(p)) continue;
    setEnd(p, mainPort(t));
  }
  // Variables at slots and at the root.
  const done = new Set<number>();
  for (const [t, p] of placed) {
    if (t.kind !== "var" || isSide(p) || done.has(p)) continue;
    const far = follow(t.name, p);
    done.add(p);
    if ("end" in far) done.add(far.end);
    connect({ end: p }, far);
  }
  // Redexes: tree ~ tree directly, tree ~ var through the wire.
  net.redexes.forEach((r, i) => {
    if (consumed[i]) return;
    const a = sidePos(i, 0);
    const b = sidePos(i, 1);
    const ta = treeAt.get(a)!;
    const tb = treeAt.get(b)!;
    if (ta.kind !== "var" && tb.kind !== "var") {
      consumed[i] = 1;
      redexes.push(mainPort(ta), mainPort(tb));
      return;
    }
    if (ta.kind === "var" && tb.kind === "var") return;
    const [tree, v, vpos] = ta.kind === "var" ? [tb, ta, a] : [ta, tb as Tree & { name: string }, b];
    consumed[i] = 1;
    const far = follow((v as { name: string }).name, vpos);
    connect({ main: mainPort(tree) }, far);
  });
  if (consumed.some((c) => c === 0)) {
    throw new HvmError(ErrorCode.VAR_LOOP, `@${name}: a wire made only of var ~ var redexes closes on itself`);
  }
  return { name, nodes, redexes: Uint32Array.from(redexes), root, size };
}
