/**
 * The net AST: what parsers produce, what readback returns, what printers
 * print. Spans are optional source locations; equality ignores them.
 */

export interface Span {
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset one past the last character. */
  readonly end: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
}

export type Tree =
  | { readonly kind: "era"; readonly span?: Span }
  | { readonly kind: "ctr"; readonly label: number; readonly left: Tree; readonly right: Tree; readonly span?: Span }
  | { readonly kind: "ref"; readonly name: string; readonly span?: Span }
  | { readonly kind: "num"; readonly value: number; readonly span?: Span }
  /** Binary numeric operation: left is the operand tree, right the continuation. */
  | { readonly kind: "op2"; readonly left: Tree; readonly right: Tree; readonly span?: Span }
  /** A half-applied operation holding its first operand; only readback makes these. */
  | { readonly kind: "op1"; readonly value: number; readonly right: Tree; readonly span?: Span }
  /** Numeric match: left is the branches `(zero succ)`, right the return wire. */
  | { readonly kind: "mat"; readonly left: Tree; readonly right: Tree; readonly span?: Span }
  | { readonly kind: "var"; readonly name: string; readonly span?: Span };

export interface Redex {
  readonly left: Tree;
  readonly right: Tree;
  readonly span?: Span;
}

export interface Net {
  readonly root: Tree;
  readonly redexes: readonly Redex[];
}

export interface Definition {
  readonly name: string;
  readonly net: Net;
  readonly span?: Span;
}

export interface Book {
  readonly defs: readonly Definition[];
}

export const era = (): Tree => ({ kind: "era" });
export const ctr = (label: number, left: Tree, right: Tree): Tree => ({ kind: "ctr", label, left, right });
export const con = (left: Tree, right: Tree): Tree => ctr(0, left, right);
export const dup = (left: Tree, right: Tree): Tree => ctr(1, left, right);
export const ref = (name: string): Tree => ({ kind: "ref", name });
export const num = (value: number): Tree => ({ kind: "num", value });
export const op2 = (left: Tree, right: Tree): Tree => ({ kind: "op2", left, right });
export const op1 = (value: number, right: Tree): Tree => ({ kind: "op1", value, right });
export const mat = (left: Tree, right: Tree): Tree => ({ kind: "mat", left, right });
export const v = (name: string): Tree => ({ kind: "var", name });

/** The children of a tree, left to right. */
export function children(t: Tree): Tree[] {
  switch (t.kind) {
    case "ctr":
    case "op2":
    case "mat":
      return [t.left, t.right];
    case "op1":
      return [t.right];
    default:
      return [];
  }
}

/** Visit every tree of a net (root first, then redexes left to right) in pre-order, iteratively. */
export function forEachTree(net: Net, visit: (t: Tree) => void): void {
  const tops: Tree[] = [net.root];
  for (const r of net.redexes) tops.push(r.left, r.right);
  for (const top of tops) {
    const stack: Tree[] = [top];
    while (stack.length > 0) {
      const t = stack.pop()!;
      visit(t);
      switch (t.kind) {
        case "ctr":
        case "op2":
        case "mat":
          stack.push(t.right, t.left);
          break;
        case "op1":
          stack.push(t.right);
          break;
        default:
          break;
      }
    }
  }
}

/** Structural equality of two trees, ignoring spans. Iterative. */
export function treeEquals(a: Tree, b: Tree): boolean {
  const stack: Array<[Tree, Tree]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x.kind !== y.kind) return false;
    switch (x.kind) {
      case "era":
        break;
      case "ref":
      case "var":
        if (x.name !== (y as typeof x).name) return false;
        break;
      case "num":
        if (x.value !== (y as typeof x).value) return false;
        break;
      case "ctr": {
        const z = y as typeof x;
        if (x.label !== z.label) return false;
        stack.push([x.left, z.left], [x.right, z.right]);
        break;
      }
      case "op2":
      case "mat": {
        const z = y as typeof x;
        stack.push([x.left, z.left], [x.right, z.right]);
        break;
      }
      case "op1": {
        const z = y as typeof x;
        if (x.value !== z.value) return false;
        stack.push([x.right, z.right]);
        break;
      }
    }
  }
  return true;
}

export function netEquals(a: Net, b: Net): boolean {
  if (!treeEquals(a.root, b.root) || a.redexes.length !== b.redexes.length) return false;
  return a.redexes.every((r, i) => treeEquals(r.left, b.redexes[i].left) && treeEquals(r.right, b.redexes[i].right));
}

export function bookEquals(a: Book, b: Book): boolean {
  return a.defs.length === b.defs.length && a.defs.every((d, i) => d.name === b.defs[i].name && netEquals(d.net, b.defs[i].net));
}

/** Map every tree of a net bottom-up, iteratively (for renaming and rebuilding). */
export function mapNet(net: Net, f: (t: Tree, kids: Tree[]) => Tree): Net {
  const mapTree = (top: Tree): Tree => {
    const out: Tree[] = [];
    const stack: Array<{ t: Tree; done: boolean }> = [{ t: top, done: false }];
    while (stack.length > 0) {
      const e = stack.pop()!;
      const kids = children(e.t);
      if (!e.done && kids.length > 0) {
        stack.push({ t: e.t, done: true });
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ t: kids[i], done: false });
        continue;
      }
      const mapped = out.splice(out.length - kids.length, kids.length);
      out.push(f(e.t, mapped));
    }
    return out[0];
  };
  return { root: mapTree(net.root), redexes: net.redexes.map((r) => ({ left: mapTree(r.left), right: mapTree(r.right) })) };
}

/** Rebuild a tree node with new children (same kind and payload, no span). */
export function withChildren(t: Tree, kids: Tree[]): Tree {
  switch (t.kind) {
    case "ctr":
      return { kind: "ctr", label: t.label, left: kids[0], right: kids[1] };
    case "op2":
      return { kind: "op2", left: kids[0], right: kids[1] };
    case "mat":
      return { kind: "mat", left: kids[0], right: kids[1] };
    case "op1":
      return { kind: "op1", value: t.value, right: kids[0] };
    case "era":
      return { kind: "era" };
    case "ref":
      return { kind: "ref", name: t.name };
    case "num":
      return { kind: "num", value: t.value };
    case "var":
      return { kind: "var", name: t.name };
  }
}

/** The canonical variable name for the i-th variable: a..z, aa..az, ba.. */
export function canonicalName(i: number): string {
  let s = "";
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Rename variables a, b, ... in order of first appearance (root first, then redexes left to right) and drop spans. */
export function canonicalize(net: Net): Net {
  const names = new Map<string, string>();
  forEachTree(net, (t) => {
    if (t.kind === "var" && !names.has(t.name)) names.set(t.name, canonicalName(names.size));
  });
  return mapNet(net, (t, kids) => (t.kind === "var" ? { kind: "var", name: names.get(t.name)! } : withChildren(t, kids)));
}

/** Count the trees of a net (nodes, nullaries and variables). */
export function netSize(net: Net): number {
  let n = 0;
  forEachTree(net, () => n++);
  return n;
}
