/**
 * The interaction rules of DESIGN §4 over the concurrent heap, one function
 * each, all of the same shape: load (read the aux ports of the two owned
 * nodes and consume them: empty cells stay, the rest is taken, a node with
 * nothing left goes onto the free list), store (write fresh nodes in cell
 * form), link (connect wire ends). Each takes the machine `m`, the heap `h`,
 * the redex stack `rb` and its length `r`, the ordered pair, and returns the
 * new stack length; the hot loop (loop.ts) has made room for every push
 * before the rule runs, as the reference's dispatch.ts does.
 */
import { Tag, applyOp } from "@hvm/ir";
import { alloc, consume, link, vrOf } from "./link.js";
import type { CellDef, Machine } from "./machine.js";

/*  ANNI  CTi ~ CTi
 *     a1  a2                a1  a2
 *      \ /                   |   |
 *       A         =>         |   |
 *       |                    |   |
 *       B                    |   |
 *      / \                   |   |
 *     b1  b2                b1  b2
 */
export function anni(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
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
 *  The four new wires' cells go in the copies expected to be consumed last
 *  (c1, c2; o1, o2 point at them): when b1 or b2 is a main port, its redex
 *  with A1/A2 is pushed last and reduced first, so the cells are in B1/B2;
 *  otherwise in A1/A2.
 */
export function comm(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const al = m.alloc;
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = h[2 * na];
  const a2 = h[2 * na + 1];
  const b1 = h[2 * nb];
  const b2 = h[2 * nb + 1];
  consume(al, h, na, a1, a2);
  consume(al, h, nb, b1, b2);
  const c1 = alloc(al, h);
  const c2 = alloc(al, h);
  const o1 = alloc(al, h);
  const o2 = alloc(al, h);
  h[2 * c1] = vrOf(2 * c1);
  h[2 * c1 + 1] = vrOf(2 * c1 + 1);
  h[2 * c2] = vrOf(2 * c2);
  h[2 * c2 + 1] = vrOf(2 * c2 + 1);
  h[2 * o1] = vrOf(2 * c1);
  h[2 * o1 + 1] = vrOf(2 * c2);
  h[2 * o2] = vrOf(2 * c1 + 1);
  h[2 * o2 + 1] = vrOf(2 * c2 + 1);
  const cellsInB = (b1 & 0xf) > Tag.RD2 || (b2 & 0xf) > Tag.RD2;
  const x1 = cellsInB ? c1 : o1;
  const x2 = cellsInB ? c2 : o2;
  const y1 = cellsInB ? o1 : c1;
  const y2 = cellsInB ? o2 : c2;
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
 *  The two wires' cells are the OP1s' result slots: C, linked last, is
 *  usually reduced first, and the OP1s wait for their numbers.
 */
export function pass(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
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
  h[2 * o1] = n;
  h[2 * o1 + 1] = vrOf(2 * o1 + 1);
  h[2 * o2] = n;
  h[2 * o2 + 1] = vrOf(2 * o2 + 1);
  h[2 * c] = vrOf(2 * o1 + 1);
  h[2 * c + 1] = vrOf(2 * o2 + 1);
  r = link(m, h, rb, r, a1, (o1 << 4) | Tag.OP1);
  r = link(m, h, rb, r, a2, (o2 << 4) | Tag.OP1);
  return link(m, h, rb, r, b2, (c << 4) | (a & 0xf));
}

/*  COPY  NUM ~ CTi   (ERAS: ERA ~ CTi | OP2 | MAT, the same with ERA)
 *       #n                  #n  #n
 *       |                   |   |
 *       B         =>        b1  b2
 *      / \
 *     b1  b2
 */
export function copy(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
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
export function era1(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const nb = b >>> 4;
  const b2 = h[2 * nb + 1];
  consume(m.alloc, h, nb, h[2 * nb], b2);
  return link(m, h, rb, r, b2, a);
}

/*  DREF  @f ~ B       =>    (copy of @f's net, its root) ~ B
 *  The loop has made room on the stack for the definition's redexes.
 */
export function dref(m: Machine, h: Int32Array, rb: Int32Array, r: number, def: CellDef, b: number): number {
  const al = m.alloc;
  const size = def.size;
  const t = def.table;
  const code = def.code;
  for (let k = 0; k < size; k++) t[k] = alloc(al, h);
  const nodeEnd = 2 * size;
  for (let i = 0; i < nodeEnd; i += 2) {
    const at = 2 * t[i >> 1];
    const p = code[i];
    const q = code[i + 1];
    h[at] = (t[p >>> 4] << 4) | (p & 0xf);
    h[at + 1] = (t[q >>> 4] << 4) | (q & 0xf);
  }
  const end = code.length - 1;
  for (let i = nodeEnd; i < end; i++) {
    const p = code[i];
    rb[r++] = (t[p >>> 4] << 4) | (p & 0xf);
  }
  const root = code[end];
  const v = (t[root >>> 4] << 4) | (root & 0xf);
  if ((root & 0xf) <= Tag.RD2) {
    h[((v >>> 4) << 1) | (v & 1)] = b;
    return r;
  }
  rb[r] = v;
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
export function op2n(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const na = 2 * (a >>> 4);
  const a1 = h[na];
  if (a1 !== vrOf(na)) {
    h[na] = b;
    return link(m, h, rb, r, a1, (a & ~0xf) | Tag.OP1);
  }
  const a2 = h[na + 1];
  if (a2 !== vrOf(na + 1)) h[na + 1] = 0;
  const o = alloc(m.alloc, h);
  h[2 * o] = b;
  h[2 * o + 1] = (a2 & 0xf) <= Tag.RD2 ? a2 | 2 : a2;
  return link(m, h, rb, r, a1, (o << 4) | Tag.OP1);
}

/*  OP1N  OP1(x) ~ #y
 *     OP1(x)
 *       |         =>        #op(x,y)
 *       #y                  |
 *     (a2 above)            a2
 */
export function op1n(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
  const na = a >>> 4;
  const x = h[2 * na];
  const a2 = h[2 * na + 1];
  consume(m.alloc, h, na, x, a2);
  return link(m, h, rb, r, a2, (applyOp(x >>> 4, b >>> 4) << 4) | Tag.NUM);
}

/*  MATN  MAT ~ #n
 *    br  ret                n = 0:  br ~ (ret *)
 *      \ /        =>        n > 0:  br ~ (* (#(n-1) ret))
 *      MAT
 *       |
 *       #n
 */
export function matn(m: Machine, h: Int32Array, rb: Int32Array, r: number, a: number, b: number): number {
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
    h[2 * c + 1] = Tag.ERA;
  } else {
    const d = alloc(al, h);
    h[2 * d] = ((n - 1) << 4) | Tag.NUM;
    h[2 * d + 1] = moved;
    h[2 * c] = Tag.ERA;
    h[2 * c + 1] = (d << 4) | Tag.CT0;
  }
  return link(m, h, rb, r, br, (c << 4) | Tag.CT0);
}
