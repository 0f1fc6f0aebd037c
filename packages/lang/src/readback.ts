/**
 * Readback of a normal-form net as a term. The net is read from its root
 * through the wires:
 *
 *   CON entered at its main port   λx body        (binder aux1, body aux2)
 *   CON entered at aux1            the variable x of that lambda
 *   CON entered at aux2            (f a)          (function main, argument aux1)
 *   DUP entered at an aux port     the shared value at its main port
 *   DUP entered at its main port   the copy chosen when the same label was
 *                                  entered at an aux port, else {#L a b}
 *   OP2/OP1/MAT at the result      a stuck operation or match
 *
 * Then Scott-encoded values of the program's data types become constructor
 * applications and lists print as [1, 2, 3]. Iterative throughout.
 */
import * as ir from "@hvm/ir";
import type { DataType, Program, Term } from "./ast.js";
import { App, Era, Lam, List, Match, Num, Op, Sup, Var } from "./ast.js";
import { buildEnv } from "./env.js";
import { Diagnostics, TermReadbackError } from "./errors.js";
import { mapTerm, spine, termChildren } from "./terms.js";

type End = { readonly key: number } | { readonly leaf: ir.Tree };
interface Node {
  readonly kind: "ctr" | "op2" | "op1" | "mat";
  readonly label: number;
  readonly value: number;
}

const ROOT = -1;
const COMMUTATIVE: ReadonlySet<number> = new Set([ir.OP.ADD, ir.OP.MUL, ir.OP.EQ, ir.OP.NE, ir.OP.AND, ir.OP.OR, ir.OP.XOR]);

/** Read a normal-form net as a term of `program` (whose data types are recognised). */
export function readbackTerm(net: ir.Net, program: Program): Term {
  return renameBinders(resugar(readbackRaw(net), buildEnv(program, new Diagnostics()).datas));
}

/** Rename the (unique) binders of a read-back term a, b, c, ... in order of appearance. */
function renameBinders(term: Term): Term {
  const names = new Map<string, string>();
  const stack: Term[] = [term];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind === "lam" && t.bind !== null && !names.has(t.bind)) names.set(t.bind, ir.canonicalName(names.size));
    if (t.kind === "match" && t.pred !== null && !names.has(t.pred)) names.set(t.pred, ir.canonicalName(names.size));
    const kids = termChildren(t);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const rename = (b: string | null): string | null => (b === null ? null : (names.get(b) ?? b));
  return mapTerm(term, (t) => {
    if (t.kind === "var") return names.has(t.name) ? Var(names.get(t.name)!) : t;
    if (t.kind === "lam") return { ...t, bind: rename(t.bind) };
    if (t.kind === "match") return { ...t, pred: rename(t.pred) };
    return t;
  });
}

/** Read a net as a plain lambda term (no data types recognised). */
export function readbackRaw(net: ir.Net): Term {
  if (net.redexes.length > 0) throw new TermReadbackError(`not a normal form: ${net.redexes.length} redex(es) left`);
  const nodes: Node[] = [];
  // The other end of each port, at index key + 1 (ROOT is -1): keys grow by
  // at most 3 a node, so the array stays dense (a Map of millions of ports
  // cost most of the readback of a big list).
  const peer: End[] = [];
  const pending = new Map<string, number>();
  const connect = (a: number, b: number): void => {
    peer[a + 1] = { key: b };
    peer[b + 1] = { key: a };
  };
  const stack: Array<[ir.Tree, number]> = [[net.root, ROOT]];
  while (stack.length > 0) {
    const [t, at] = stack.pop()!;
    switch (t.kind) {
      case "var": {
        const other = pending.get(t.name);
        if (other === undefined) pending.set(t.name, at);
        else connect(at, other);
        break;
      }
      case "era":
      case "num":
      case "ref":
        peer[at + 1] = { leaf: t };
        break;
      default: {
        const n = nodes.length;
        nodes.push({ kind: t.kind, label: t.kind === "ctr" ? t.label : 0, value: t.kind === "op1" ? t.value : 0 });
        connect(at, 3 * n);
        if (t.kind === "op1") stack.push([t.right, 3 * n + 2]);
        else stack.push([t.right, 3 * n + 2], [t.left, 3 * n + 1]);
      }
    }
  }
  return new Reader(nodes, peer).read();
}

type Frame = { readonly k: "enter"; readonly end: End } | { readonly k: "build"; readonly n: number; readonly fn: (kids: Term[]) => Term } | { readonly k: "do"; readonly fn: () => void };

class Reader {
  private readonly names = new Map<number, string>();
  private readonly dupStacks: number[][] = Array.from({ length: ir.LABEL_COUNT }, () => []);
  private named = 0;

  constructor(
    private readonly nodes: readonly Node[],
    private readonly peer: readonly (End | undefined)[],
  ) {}

  private at(key: number): End {
    const e = this.peer[key + 1];
    if (!e) throw new TermReadbackError(`port ${key} is not connected`);
    return e;
  }

  private nameOf(node: number): string {
    let n = this.names.get(node);
    if (n === undefined) {
      n = ir.canonicalName(this.named++);
      this.names.set(node, n);
    }
    return n;
  }

  read(): Term {
    const out: Term[] = [];
    const stack: Frame[] = [{ k: "enter", end: this.at(ROOT) }];
    let steps = 0;
    const limit = 64 * (this.nodes.length + 1) + 100_000;
    while (stack.length > 0) {
      if (++steps > limit) throw new TermReadbackError("the net does not read back as a finite term (a cycle through DUP nodes)");
      const f = stack.pop()!;
      if (f.k === "do") f.fn();
      else if (f.k === "build") out.push(f.fn(out.splice(out.length - f.n, f.n)));
      else this.enter(f.end, stack, out);
    }
    return out[0];
  }

  private enter(end: End, stack: Frame[], out: Term[]): void {
    if ("leaf" in end) {
      const t = end.leaf;
      out.push(t.kind === "num" ? Num(t.value) : t.kind === "ref" ? Var(t.name) : Era());
      return;
    }
    const node = Math.floor(end.key / 3);
    const port = end.key % 3;
    const n = this.nodes[node];
    const build = (k: number, fn: (kids: Term[]) => Term, ...ends: number[]): void => {
      stack.push({ k: "build", n: k, fn });
      for (let i = ends.length - 1; i >= 0; i--) stack.push({ k: "enter", end: this.at(ends[i]) });
    };
    const main = 3 * node;
    if (n.kind === "ctr" && n.label === 0) {
      if (port === 0) {
        const binder = this.at(main + 1);
        const bind = "leaf" in binder && binder.leaf.kind === "era" ? null : this.nameOf(node);
        build(1, ([b]) => Lam(bind, b), main + 2);
      } else if (port === 1) {
        out.push(Var(this.nameOf(node)));
      } else {
        build(2, ([f, a]) => App(f, a), main, main + 1);
      }
      return;
    }
    if (n.kind === "ctr") {
      const dups = this.dupStacks[n.label];
      if (port === 0) {
        if (dups.length === 0) return build(2, ([a, b]) => Sup(n.label, a, b), main + 1, main + 2);
        const choice = dups.pop()!;
        stack.push({ k: "do", fn: () => dups.push(choice) }, { k: "enter", end: this.at(main + choice) });
        return;
      }
      stack.push({ k: "do", fn: () => dups.pop() }, { k: "enter", end: this.at(main) }, { k: "do", fn: () => dups.push(port) });
      return;
    }
    if (port !== 2) throw new TermReadbackError(`a ${n.kind.toUpperCase()} node is reached through its ${port === 0 ? "main" : "operand"} port`);
    if (n.kind === "op1") {
      build(1, ([y]) => constantOp(n.value >>> 24, n.value & ir.U24_MASK, y), main);
    } else if (n.kind === "op2") {
      build(2, ([first, second]) => binaryOp(first, second), main, main + 1);
    } else {
      const branches = this.at(main + 1);
      if ("leaf" in branches || branches.key % 3 !== 0 || this.nodes[Math.floor(branches.key / 3)].kind !== "ctr") {
        throw new TermReadbackError("a MAT node whose branches are not a (zero succ) pair");
      }
      const b = branches.key;
      build(3, ([s, z, succ]) => (succ.kind === "lam" ? Match(s, z, succ.bind, succ.body) : Match(s, z, "%p", App(succ, Var("%p")))), main, b + 1, b + 2);
    }
  }
}

/** An OP2's result: its first operand is a tagged number or a stuck USE. */
function binaryOp(first: Term, second: Term): Term {
  if (first.kind === "op" && first.op === 0 && first.left.kind === "num") return Op(first.left.value & 0xf, first.right, second);
  if (first.kind === "num") return constantOp(first.value >>> 24, first.value & ir.U24_MASK, second);
  return Op(0, first, second);
}

/**
 * `(op #k y)` with y not a number, written the way a program usually says it
 * (the compiler moves constants first): commutative operators put y first,
 * `<`/`>` exchange, and `+` of a large k reads as `-` of its u24 complement.
 */
function constantOp(op: number, k: number, y: Term): Term {
  if (y.kind === "num" || op === ir.OP.USE) return Op(op, Num(k), y);
  if (op === ir.OP.ADD && k > ir.U24_MASK >>> 1) return Op(ir.OP.SUB, y, Num(ir.U24_MASK + 1 - k));
  if (op === ir.OP.LT) return Op(ir.OP.GT, y, Num(k));
  if (op === ir.OP.GT) return Op(ir.OP.LT, y, Num(k));
  if (COMMUTATIVE.has(op)) return Op(op, y, Num(k));
  return Op(op, Num(k), y);
}

/** Scott-encoded values of `datas` -> constructor applications; Cons/Nil chains -> lists. */
export function resugar(term: Term, datas: readonly DataType[]): Term {
  const listType = datas.find((d) => d.ctrs.length === 2 && d.ctrs.some((c) => c.name === "Cons" && c.fields.length === 2) && d.ctrs.some((c) => c.name === "Nil" && c.fields.length === 0));
  // Lists grow at the front as mapTerm climbs a Cons chain: each list made
  // here holds its items back to front, so that one more head is a push onto
  // the tail's array (the tail list is dropped), not a copy; `finishLists`
  // turns them round at the end. A chain of n conses costs O(n), not O(n^2).
  const reversed = new Set<Term>();
  const cons = (head: Term, tail: Extract<Term, { kind: "list" }>): Term => {
    const items = reversed.delete(tail) ? (tail.items as Term[]) : [...tail.items].reverse();
    items.push(head);
    const list = List(items);
    reversed.add(list);
    return list;
  };
  const mapped = mapTerm(term, (t) => {
    if (t.kind === "app") {
      const [head, ...args] = spine(t);
      if (listType && head.kind === "var" && head.name === "Cons" && args.length === 2 && args[1].kind === "list") return cons(args[0], args[1]);
      return t;
    }
    if (t.kind === "var" && listType && t.name === "Nil") return List([]);
    if (t.kind !== "lam") return t;
    const found = datas.map((d) => [d, scott(t, d)] as const).filter((x): x is readonly [DataType, { ctr: string; args: Term[] }] => x[1] !== undefined);
    if (found.length === 0) return t;
    // Types of the same shape read alike: prefer the one whose constructor fields hold values of that same type.
    const [d, v] = found.find(([dt, val]) => val.args.some((a) => typeOf(a) === dt)) ?? found[0];
    if (d === listType && v.ctr === "Nil") return List([]);
    if (d === listType && v.ctr === "Cons" && v.args[1].kind === "list") return cons(v.args[0], v.args[1]);
    return App(Var(v.ctr), ...v.args);
  });
  return finishLists(mapped, reversed);
  function typeOf(t: Term): DataType | undefined {
    if (t.kind === "list") return listType;
    const head = spine(t)[0];
    return head.kind === "var" ? datas.find((d) => d.ctrs.some((c) => c.name === head.name)) : undefined;
  }
}

/** Put the items of the lists `resugar` built back to front in order (in place: those arrays are its own). */
function finishLists(term: Term, reversed: ReadonlySet<Term>): Term {
  const stack: Term[] = [term];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind === "list" && reversed.has(t)) (t.items as Term[]).reverse();
    for (const k of termChildren(t)) stack.push(k);
  }
  return term;
}

/** λc1 .. λck (ci a1 .. an) with ci's arity n and the other binders unused. */
function scott(t: Term, d: DataType): { ctr: string; args: Term[] } | undefined {
  const binds: Array<string | null> = [];
  let body = t;
  for (let i = 0; i < d.ctrs.length; i++) {
    if (body.kind !== "lam") return undefined;
    binds.push(body.bind);
    body = body.body;
  }
  const [head, ...args] = spine(body);
  if (head.kind !== "var") return undefined;
  const i = binds.indexOf(head.name);
  if (i < 0 || binds.some((b, j) => j !== i && b !== null)) return undefined;
  if (d.ctrs[i].fields.length !== args.length) return undefined;
  return { ctr: d.ctrs[i].name, args };
}
