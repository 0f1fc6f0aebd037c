/**
 * The interaction rules of DESIGN §4 over the concurrent heap, one function
 * each, all of the same shape: load (take the aux ports of the two owned
 * nodes), store (write fresh nodes in cell form), link (connect wire ends).
 * `interact` is the single dispatcher, driven by ir's RULE_TABLE/RULE_FLIP.
 */
import { RULE_FLIP, RULE_TABLE, Rule, Tag, applyOp } from "@hvm/ir";
import type { Machine } from "./machine.js";
import { vr } from "./layout.js";

/** Two numeric nodes met; carries the tags of the pair in redex order. */
export class TypeStop extends Error {
  constructor(
    readonly left: number,
    readonly right: number,
  ) {
    super("type error");
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
function anni(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const nb = 2 * (b >>> 4);
  const a1 = m.take(na);
  const a2 = m.take(na + 1);
  const b1 = m.take(nb);
  const b2 = m.take(nb + 1);
  m.link(a1, b1);
  m.link(a2, b2);
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
function comm(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const nb = 2 * (b >>> 4);
  const a1 = m.take(na);
  const a2 = m.take(na + 1);
  const b1 = m.take(nb);
  const b2 = m.take(nb + 1);
  const x1 = m.node();
  const x2 = m.node();
  const y1 = m.node();
  const y2 = m.node();
  const h = m.heap;
  h[2 * y1] = vr(2 * y1);
  h[2 * y1 + 1] = vr(2 * y1 + 1);
  h[2 * y2] = vr(2 * y2);
  h[2 * y2 + 1] = vr(2 * y2 + 1);
  h[2 * x1] = vr(2 * y1);
  h[2 * x1 + 1] = vr(2 * y2);
  h[2 * x2] = vr(2 * y1 + 1);
  h[2 * x2 + 1] = vr(2 * y2 + 1);
  const ta = a & 0xf;
  const tb = b & 0xf;
  m.link(a1, (x1 << 4) | tb);
  m.link(a2, (x2 << 4) | tb);
  m.link(b1, (y1 << 4) | ta);
  m.link(b2, (y2 << 4) | ta);
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
function pass(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const nb = 2 * (b >>> 4);
  const a1 = m.take(na);
  const a2 = m.take(na + 1);
  const n = m.heap[nb];
  m.heap[nb] = 0;
  const b2 = m.take(nb + 1);
  const o1 = m.node();
  const o2 = m.node();
  const c = m.node();
  const h = m.heap;
  h[2 * c] = vr(2 * c);
  h[2 * c + 1] = vr(2 * c + 1);
  h[2 * o1] = n;
  h[2 * o1 + 1] = vr(2 * c);
  h[2 * o2] = n;
  h[2 * o2 + 1] = vr(2 * c + 1);
  m.link(a1, (o1 << 4) | Tag.OP1);
  m.link(a2, (o2 << 4) | Tag.OP1);
  m.link(b2, (c << 4) | (a & 0xf));
}

/*  COPY  NUM ~ CTi   (ERAS: ERA ~ CTi | OP2 | MAT, the same with ERA)
 *       #n                  #n  #n
 *       |                   |   |
 *       B         =>        b1  b2
 *      / \
 *     b1  b2
 */
function copy(m: Machine, a: number, b: number): void {
  const nb = 2 * (b >>> 4);
  const b1 = m.take(nb);
  const b2 = m.take(nb + 1);
  m.link(b1, a);
  m.link(b2, a);
}

/*  ERA1  ERA ~ OP1(n)
 *       *
 *       |         =>        *
 *     OP1(n)                |
 *       |                   b2
 *       b2
 */
function era1(m: Machine, a: number, b: number): void {
  const nb = 2 * (b >>> 4);
  m.heap[nb] = 0;
  const b2 = m.take(nb + 1);
  m.link(b2, a);
}

/*  DREF  @f ~ B       =>    (copy of @f's net, its root) ~ B
 */
function dref(m: Machine, a: number, b: number): void {
  m.expandInto(a >>> 4, b);
}

/*  OP2N  OP2 ~ #x
 *     a1  a2                a1
 *      \ /                  |
 *      OP2        =>      OP1(x)
 *       |                   |
 *       #x                  a2
 */
function op2n(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const a1 = m.take(na);
  if (a1 !== vr(na)) {
    m.heap[na] = b;
    m.link(a1, (a & ~0xf) | Tag.OP1);
    return;
  }
  const a2 = m.take(na + 1);
  const o = m.node();
  m.heap[2 * o] = b;
  m.move(2 * o + 1, a2);
  m.link(a1, (o << 4) | Tag.OP1);
}

/*  OP1N  OP1(x) ~ #y
 *     OP1(x)
 *       |         =>        #op(x,y)
 *       #y                  |
 *     (a2 above)            a2
 */
function op1n(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const x = m.heap[na];
  m.heap[na] = 0;
  const a2 = m.take(na + 1);
  m.link(a2, (applyOp(x >>> 4, b >>> 4) << 4) | Tag.NUM);
}

/*  MATN  MAT ~ #n
 *    br  ret                n = 0:  br ~ (ret *)
 *      \ /        =>        n > 0:  br ~ (* (#(n-1) ret))
 *      MAT
 *       |
 *       #n
 */
function matn(m: Machine, a: number, b: number): void {
  const na = 2 * (a >>> 4);
  const br = m.take(na);
  const ret = m.take(na + 1);
  const n = b >>> 4;
  const c = m.node();
  if (n === 0) {
    m.move(2 * c, ret);
    m.heap[2 * c + 1] = Tag.ERA;
  } else {
    const d = m.node();
    m.heap[2 * d] = ((n - 1) << 4) | Tag.NUM;
    m.move(2 * d + 1, ret);
    m.heap[2 * c] = Tag.ERA;
    m.heap[2 * c + 1] = (d << 4) | Tag.CT0;
  }
  m.link(br, (c << 4) | Tag.CT0);
}



/** Reduce one redex of two main ports. */
export function interact(m: Machine, a: number, b: number): void {
  const k = (a & 0xf) * 16 + (b & 0xf);
  const rule = RULE_TABLE[k];
  if (RULE_FLIP[k] === 1) {
    const t = a;
    a = b;
    b = t;
  }
  switch (rule) {
    case Rule.ANNI:
      anni(m, a, b);
      break;
    case Rule.COMM:
      comm(m, a, b);
      break;
    case Rule.PASS:
      pass(m, a, b);
      break;
    case Rule.COPY:
    case Rule.ERAS:
      copy(m, a, b);
      break;
    case Rule.ERA1:
      era1(m, a, b);
      break;
    case Rule.VOID:
      break;
    case Rule.DREF:
      dref(m, a, b);
      break;
    case Rule.OP2N:
      op2n(m, a, b);
      break;
    case Rule.OP1N:
      op1n(m, a, b);
      break;
    case Rule.MATN:
      matn(m, a, b);
      break;
    default:
      throw new TypeStop(a & 0xf, b & 0xf);
  }
  m.ruleCounts[rule]++;
}
