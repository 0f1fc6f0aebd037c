/**
 * The interaction rules of DESIGN §4 over the concurrent heap, one function
 * each, all of the same shape: load (read the aux ports of the two owned
 * nodes and consume them: empty cells stay, the rest is taken, a node with
 * nothing left goes onto the free list), store (write fresh nodes in cell
 * form), link (connect wire ends). `reduceSome` is the single
 * dispatcher and hot loop, driven by the reference's DISPATCH table (ir's
 * RULE_TABLE and RULE_FLIP in one lookup).
 *
 * As in the reference reducer (dispatch.ts), the primitives are plain
 * functions of what they touch and the loop keeps the heap, the redex stack
 * and its length and one counter per rule in locals, so the engine compiles
 * a rule to loads and stores. Each rule takes the machine `m`, the heap `h`,
 * the redex stack `rb` and its length `r`, the ordered pair, and returns the
 * new stack length; the loop has made room for every push before the rule
 * runs. Cell form, take and link are described in docs/linking.md.
 */
import { Rule, Tag, applyOp } from "@hvm/ir";
import { DISPATCH } from "../../dispatch.js";
import type { Allocator } from "./alloc.js";
import type { CellDef, Machine } from "./machine.js";

/** Two numeric nodes met; carries the tags of the pair in redex order. */
export class TypeStop extends Error {
  constructor(
    readonly left: number,
    readonly right: number,
  ) {
    super("type error");
  }
}

const ERA = Tag.ERA;
const NUM = Tag.NUM;
const OP1 = Tag.OP1;
const CT0 = Tag.CT0;
/** Bit t set when a port of tag t carries a node index (VR1..RD2, OP2..CT5). */
const NODE_TAGS = 0xff8f;

/** The empty-cell pointer of slot x: VR(x). */
const vrOf = (x: number): number => ((x >>> 1) << 4) | (x & 1);

/** A fresh node: the free list's head, else the allocator's scan. Rules write both of its slots. */
function alloc(al: Allocator, h: Int32Array): number {
  const n = al.head;
  if (n !== 0) {
    al.head = h[2 * n] >>> 4;
    return n;
  }
  return al.alloc();
}

/**
 * Consume node n, whose aux slots held v1 and v2 (loaded by the rule). An
 * empty cell stays alive for the other end of its wire; anything else is
 * taken (the slot becomes NULL). When neither slot was an empty cell nobody
 * else can reach the node any more (only empty cells are visited), so it
 * goes straight onto this thread's free list, whatever chunk it is in: its
 * slots get the list's markers instead of NULL.
 */
function consume(al: Allocator, h: Int32Array, n: number, v1: number, v2: number): void {
  const c1 = v1 === vrOf(2 * n);
  const c2 = v2 === vrOf(2 * n + 1);
  if (!c1 && !c2) {
    h[2 * n] = (al.head << 4) | ERA;
    h[2 * n + 1] = ERA;
    al.head = n;
    return;
  }
  if (!c1) h[2 * n] = 0;
  if (!c2) h[2 * n + 1] = 0;
}

/**
 * Connect two wire ends (VR or RD, both name a cell; or main ports):
 * deposit into an empty cell with one atomic exchange, or continue past a
 * cell holding the other end's deposit (the cell dies), or push a redex.
 * A cell holding a deposit is final (its other end has visited and nobody
 * else writes it), so a plain load decides whether the exchange is needed.
 */
export function link(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  for (;;) {
    if ((a & 0xf) > Tag.RD2) {
      if ((b & 0xf) > Tag.RD2) {
        rb[r] = a;
        rb[r + 1] = b;
        return r + 2;
      }
      const t = a;
      a = b;
      b = t;
    }
    a &= ~2;
    const c = ((a >>> 4) << 1) | (a & 1);
    let old = h[c];
    if (old === a) {
      old = m.xchg(c << 2, (b & 0xf) <= Tag.RD2 ? b | 2 : b);
      if (old === a) return r;
    }
    h[c] = 0;
    if (h[c ^ 1] === 0) m.alloc.release(c >> 1);
    a = old;
  }
}

/*  ANNI  CTi ~ CTi
 *     a1  a2                a1  a2
 *      \ /                   |   |
 *       A         =>         |   |
 *       |                    |   |
 *       B                    |   |
 *      / \                   |   |
 *     b1  b2                b1  b2
 */
function anni(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = h[2 * na];
  const a2 = h[2 * na + 1];
  const b1 = h[2 * nb];
  const b2 = h[2 * nb + 1];
  consume(m.alloc, h, na, a1, a2);
  consume(m.alloc, h, nb, b1, b2);
  r = link(m, h, rb, r, a1, b1);
  return link(m, h, rb, r, a2, b2);
}

/*  COMM  CTi ~ CTj | OP2 | MAT
 *     a1  a2                a1      a2
 *      \ /                  |       |
 *       A                   B1      B2
 *       |         =>        | \   / |
 *       B                   |   X   |
 *      / \                  | /   \ |
 *     b1  b2                A1      A2
 *                           |       |
 *                           b1      b2
 */
function comm(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const al = m.alloc;
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = h[2 * na];
  const a2 = h[2 * na + 1];
  const b1 = h[2 * nb];
  const b2 = h[2 * nb + 1];
  consume(al, h, na, a1, a2);
  consume(al, h, nb, b1, b2);
  const x1 = alloc(al, h);
  const x2 = alloc(al, h);
  const y1 = alloc(al, h);
  const y2 = alloc(al, h);
  h[2 * y1] = vrOf(2 * y1);
  h[2 * y1 + 1] = vrOf(2 * y1 + 1);
  h[2 * y2] = vrOf(2 * y2);
  h[2 * y2 + 1] = vrOf(2 * y2 + 1);
  h[2 * x1] = vrOf(2 * y1);
  h[2 * x1 + 1] = vrOf(2 * y2);
  h[2 * x2] = vrOf(2 * y1 + 1);
  h[2 * x2 + 1] = vrOf(2 * y2 + 1);
  const ta = a & 0xf;
  const tb = b & 0xf;
  r = link(m, h, rb, r, a1, (x1 << 4) | tb);
  r = link(m, h, rb, r, a2, (x2 << 4) | tb);
  r = link(m, h, rb, r, b1, (y1 << 4) | ta);
  return link(m, h, rb, r, b2, (y2 << 4) | ta);
}

/*  PASS  CTi ~ OP1(n)
 *     a1  a2                a1        a2
 *      \ /                  |         |
 *       A                   OP1(n)    OP1(n)
 *       |         =>          \      /
 *     OP1(n)                    C(i)
 *       |                       |
 *       b2                      b2
 */
function pass(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const al = m.alloc;
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = h[2 * na];
  const a2 = h[2 * na + 1];
  const n = h[2 * nb];
  const b2 = h[2 * nb + 1];
  consume(al, h, na, a1, a2);
  consume(al, h, nb, n, b2);
  const o1 = alloc(al, h);
  const o2 = alloc(al, h);
  const c = alloc(al, h);
  h[2 * c] = vrOf(2 * c);
  h[2 * c + 1] = vrOf(2 * c + 1);
  h[2 * o1] = n;
  h[2 * o1 + 1] = vrOf(2 * c);
  h[2 * o2] = n;
  h[2 * o2 + 1] = vrOf(2 * c + 1);
  r = link(m, h, rb, r, a1, (o1 << 4) | OP1);
  r = link(m, h, rb, r, a2, (o2 << 4) | OP1);
  return link(m, h, rb, r, b2, (c << 4) | (a & 0xf));
}

/*  COPY  NUM ~ CTi   (ERAS: ERA ~ CTi | OP2 | MAT, the same with ERA)
 *       #n                  #n  #n
 *       |                   |   |
 *       B         =>        b1  b2
 *      / \
 *     b1  b2
 */
function copy(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const nb = b >>> 4;
  const b1 = h[2 * nb];
  const b2 = h[2 * nb + 1];
  consume(m.alloc, h, nb, b1, b2);
  r = link(m, h, rb, r, b1, a);
  return link(m, h, rb, r, b2, a);
}

/*  ERA1  ERA ~ OP1(n)
 *       *
 *       |         =>        *
 *     OP1(n)                |
 *       |                   b2
 *       b2
 */
function era1(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const nb = b >>> 4;
  const b2 = h[2 * nb + 1];
  consume(m.alloc, h, nb, h[2 * nb], b2);
  return link(m, h, rb, r, b2, a);
}

/*  DREF  @f ~ B       =>    (copy of @f's net, its root) ~ B
 *  The loop has made room on the stack for the definition's redexes.
 */
function dref(m: Machine, h: Int32Array, rb: Int32Array, r: number, def: CellDef, b: number): number {
  const al = m.alloc;
  const size = def.size;
  const loc = m.loc;
  for (let k = 0; k < size; k++) loc[k] = alloc(al, h);
  const nodes = def.nodes;
  for (let k = 0; k < size; k++) {
    const at = 2 * loc[k];
    const p = nodes[2 * k];
    const q = nodes[2 * k + 1];
    h[at] = (NODE_TAGS >>> (p & 0xf)) & 1 ? (loc[p >>> 4] << 4) | (p & 0xf) : p;
    h[at + 1] = (NODE_TAGS >>> (q & 0xf)) & 1 ? (loc[q >>> 4] << 4) | (q & 0xf) : q;
  }
  const redexes = def.redexes;
  for (let i = 0; i < redexes.length; i++) {
    const p = redexes[i];
    rb[r++] = (NODE_TAGS >>> (p & 0xf)) & 1 ? (loc[p >>> 4] << 4) | (p & 0xf) : p;
  }
  const root = def.root;
  const t = root & 0xf;
  if (t <= Tag.RD2) {
    h[((loc[root >>> 4] << 1) | (root & 1))] = b;
    return r;
  }
  rb[r] = (NODE_TAGS >>> t) & 1 ? (loc[root >>> 4] << 4) | t : root;
  rb[r + 1] = b;
  return r + 2;
}

/*  OP2N  OP2 ~ #x
 *     a1  a2                a1
 *      \ /                  |
 *      OP2        =>      OP1(x)
 *       |                   |
 *       #x                  a2
 */
function op2n(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const na = 2 * (a >>> 4);
  const a1 = h[na];
  if (a1 !== vrOf(na)) {
    h[na] = b;
    return link(m, h, rb, r, a1, (a & ~0xf) | OP1);
  }
  const a2 = h[na + 1];
  if (a2 !== vrOf(na + 1)) h[na + 1] = 0;
  const o = alloc(m.alloc, h);
  h[2 * o] = b;
  h[2 * o + 1] = (a2 & 0xf) <= Tag.RD2 ? a2 | 2 : a2;
  return link(m, h, rb, r, a1, (o << 4) | OP1);
}

/*  OP1N  OP1(x) ~ #y
 *     OP1(x)
 *       |         =>        #op(x,y)
 *       #y                  |
 *     (a2 above)            a2
 */
function op1n(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const na = a >>> 4;
  const x = h[2 * na];
  const a2 = h[2 * na + 1];
  consume(m.alloc, h, na, x, a2);
  return link(m, h, rb, r, a2, (applyOp(x >>> 4, b >>> 4) << 4) | NUM);
}

/*  MATN  MAT ~ #n
 *    br  ret                n = 0:  br ~ (ret *)
 *      \ /        =>        n > 0:  br ~ (* (#(n-1) ret))
 *      MAT
 *       |
 *       #n
 */
function matn(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const al = m.alloc;
  const na = a >>> 4;
  const br = h[2 * na];
  const ret = h[2 * na + 1];
  consume(al, h, na, br, ret);
  const n = b >>> 4;
  const moved = (ret & 0xf) <= Tag.RD2 ? ret | 2 : ret;
  const c = alloc(al, h);
  if (n === 0) {
    h[2 * c] = moved;
    h[2 * c + 1] = ERA;
  } else {
    const d = alloc(al, h);
    h[2 * d] = ((n - 1) << 4) | NUM;
    h[2 * d + 1] = moved;
    h[2 * c] = ERA;
    h[2 * c + 1] = (d << 4) | CT0;
  }
  return link(m, h, rb, r, br, (c << 4) | CT0);
}

/**
 * Reduce up to `budget` redexes from the machine's stack; returns how many.
 * Stops early when the stack is empty. Throws TypeStop on a pair of numbers
 * (and HeapExhausted from the allocator).
 */
export function reduceSome(m: Machine, budget: number): number {
  const h = m.heap;
  const defs = m.defs;
  const room = m.room;
  let rb = m.stack;
  let r = m.sp;
  let nAnni = 0;
  let nComm = 0;
  let nPass = 0;
  let nCopy = 0;
  let nEras = 0;
  let nEra1 = 0;
  let nVoid = 0;
  let nDref = 0;
  let nOp2n = 0;
  let nOp1n = 0;
  let nMatn = 0;
  let n = 0;
  let stop: TypeStop | null = null;
  while (n < budget && r !== 0) {
    if (r + room > rb.length) {
      m.sp = r;
      m.grow();
      rb = m.stack;
    }
    r -= 2;
    let a = rb[r];
    let b = rb[r + 1];
    const d = DISPATCH[((a & 0xf) << 4) | (b & 0xf)];
    if (d > 0xf) {
      const t = a;
      a = b;
      b = t;
    }
    switch (d & 0xf) {
      case 1: // Rule.ANNI
        r = anni(m, h, rb, r, a, b);
        nAnni++;
        break;
      case 2: // Rule.COMM
        r = comm(m, h, rb, r, a, b);
        nComm++;
        break;
      case 3: // Rule.PASS
        r = pass(m, h, rb, r, a, b);
        nPass++;
        break;
      case 4: // Rule.COPY
        r = copy(m, h, rb, r, a, b);
        nCopy++;
        break;
      case 5: // Rule.ERAS
        r = copy(m, h, rb, r, a, b);
        nEras++;
        break;
      case 6: // Rule.ERA1
        r = era1(m, h, rb, r, a, b);
        nEra1++;
        break;
      case 7: // Rule.VOID
        nVoid++;
        break;
      case 8: // Rule.DREF
        r = dref(m, h, rb, r, defs[a >>> 4], b);
        nDref++;
        break;
      case 9: // Rule.OP2N
        r = op2n(m, h, rb, r, a, b);
        nOp2n++;
        break;
      case 10: // Rule.OP1N
        r = op1n(m, h, rb, r, a, b);
        nOp1n++;
        break;
      case 11: // Rule.MATN
        r = matn(m, h, rb, r, a, b);
        nMatn++;
        break;
      default:
        stop = new TypeStop(a & 0xf, b & 0xf);
        break;
    }
    if (stop !== null) break;
    n++;
  }
  m.sp = r;
  const k = m.ruleCounts;
  k[Rule.ANNI] += nAnni;
  k[Rule.COMM] += nComm;
  k[Rule.PASS] += nPass;
  k[Rule.COPY] += nCopy;
  k[Rule.ERAS] += nEras;
  k[Rule.ERA1] += nEra1;
  k[Rule.VOID] += nVoid;
  k[Rule.DREF] += nDref;
  k[Rule.OP2N] += nOp2n;
  k[Rule.OP1N] += nOp1n;
  k[Rule.MATN] += nMatn;
  if (stop !== null) throw stop;
  return n;
}
