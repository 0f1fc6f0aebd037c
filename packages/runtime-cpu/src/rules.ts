/**
 * The interaction rules of DESIGN §4, one function each, all of the same
 * shape: take the new nodes, store them, link the wire ends, free the
 * consumed nodes last. Each takes the heap `h`, the redex stack `rb` and its
 * length `r`, the pair (ordered as ir's RULE_FLIP says), and returns the new
 * stack length. `reduceChunk` (in dispatch.ts) is the single dispatcher,
 * driven by ir's RULE_TABLE / RULE_FLIP; it keeps the counters and the
 * live-node accounting, and makes sure the free list and the redex stack
 * have room before a rule runs.
 *
 * Ports are read from the heap when they are linked, not before: an earlier
 * link of the same rule may have written through a wire that loops back into
 * the consumed nodes, and reading late is what makes such wires come out
 * right (the sequential hvm-core discipline).
 *
 * Diagrams: `(a)` is a node with main port down, `a1 a2` its aux wires.
 */
import { TAG_NAMES, Tag, TypeErrorPair, applyOp } from "@hvm/ir";
import { type DefCode, alloc, expand, free, link } from "./core.js";

/**
 * ANNI  CTi ~ CTi: the aux wires are connected pairwise.
 *
 *     a1  a2              a1  a2
 *      \ /                 |   |
 *      (a)                 |   |
 *       |        ==>       |   |
 *      (b)                 |   |
 *      / \                 |   |
 *     b1  b2              b1  b2
 */
export function anni(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const A = (a >>> 4) << 1;
  const B = (b >>> 4) << 1;
  r = link(h, rb, r, h[A], h[B]);
  r = link(h, rb, r, h[A + 1], h[B + 1]);
  free(h, a >>> 4);
  free(h, b >>> 4);
  return r;
}

/**
 * COMM  CTi ~ CTj (i != j), CTi ~ OP2, CTi ~ MAT: each node is copied
 * through the other (a is the CTR side). Takes 4 nodes.
 *
 *     a1  a2              a1      a2
 *      \ /                 |       |
 *      (a)                (b0)    (b1)
 *       |        ==>       | \   / |
 *      (b)                 |  \ /  |
 *      / \                 |  / \  |
 *     b1  b2              (a0)    (a1)
 *                          |       |
 *                         b1      b2
 */
export function comm(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const n0 = alloc(h);
  const n1 = alloc(h);
  const n2 = alloc(h);
  const n3 = alloc(h);
  h[n0 << 1] = n2 << 4;
  h[(n0 << 1) | 1] = n3 << 4;
  h[n1 << 1] = (n2 << 4) | 1;
  h[(n1 << 1) | 1] = (n3 << 4) | 1;
  h[n2 << 1] = n0 << 4;
  h[(n2 << 1) | 1] = n1 << 4;
  h[n3 << 1] = (n0 << 4) | 1;
  h[(n3 << 1) | 1] = (n1 << 4) | 1;
  const A = (a >>> 4) << 1;
  const B = (b >>> 4) << 1;
  const ta = a & 0xf;
  const tb = b & 0xf;
  r = link(h, rb, r, h[A], (n0 << 4) | tb);
  r = link(h, rb, r, h[A + 1], (n1 << 4) | tb);
  r = link(h, rb, r, h[B], (n2 << 4) | ta);
  r = link(h, rb, r, h[B + 1], (n3 << 4) | ta);
  free(h, a >>> 4);
  free(h, b >>> 4);
  return r;
}

/**
 * PASS  CTi ~ OP1(x): the half-applied operation goes to both aux ports,
 * sharing its stored number; the CTR joins the two results. Takes 3 nodes.
 *
 *     a1  a2              a1        a2
 *      \ /                 |         |
 *      (a)             <!x . >   <!x . >
 *       |        ==>         \   /
 *    <!x b2>                  (a)
 *                              |
 *                             b2
 */
export function pass(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const n0 = alloc(h);
  const n1 = alloc(h);
  const n2 = alloc(h);
  const A = (a >>> 4) << 1;
  const B = (b >>> 4) << 1;
  const x = h[B];
  h[n0 << 1] = x;
  h[(n0 << 1) | 1] = n2 << 4;
  h[n1 << 1] = x;
  h[(n1 << 1) | 1] = (n2 << 4) | 1;
  h[n2 << 1] = (n0 << 4) | 1;
  h[(n2 << 1) | 1] = (n1 << 4) | 1;
  r = link(h, rb, r, h[A], (n0 << 4) | Tag.OP1);
  r = link(h, rb, r, h[A + 1], (n1 << 4) | Tag.OP1);
  r = link(h, rb, r, h[B + 1], (n2 << 4) | (a & 0xf));
  free(h, a >>> 4);
  free(h, b >>> 4);
  return r;
}

/**
 * COPY  NUM ~ CTi: the number goes to both aux ports.
 *
 *              b1  b2             b1  b2
 *               \ /                |   |
 *     #n ~      (b)      ==>      #n  #n
 */
export function copy(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const B = (b >>> 4) << 1;
  r = link(h, rb, r, h[B], a);
  r = link(h, rb, r, h[B + 1], a);
  free(h, b >>> 4);
  return r;
}

/**
 * ERAS  ERA ~ CTi/OP2/MAT: the eraser goes to both aux ports.
 *
 *              b1  b2             b1  b2
 *               \ /                |   |
 *     *  ~      (b)      ==>       *   *
 */
export function eras(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const B = (b >>> 4) << 1;
  r = link(h, rb, r, h[B], a);
  r = link(h, rb, r, h[B + 1], a);
  free(h, b >>> 4);
  return r;
}

/**
 * ERA1  ERA ~ OP1(x): the eraser goes to the result wire; x is dropped.
 *
 *     *  ~  <!x b2>      ==>      b2 ~ *
 */
export function era1(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  r = link(h, rb, r, h[((b >>> 4) << 1) | 1], a);
  free(h, b >>> 4);
  return r;
}

/**
 * VOID  ERA/NUM/REF ~ ERA/NUM/REF: both vanish.
 *
 *     x  ~  y            ==>      (nothing)
 */
export function voidRule(_h: Uint32Array, _rb: Uint32Array, r: number, _a: number, _b: number): number {
  return r;
}

/**
 * DREF  REF ~ binary node or OP1: the definition is copied into fresh
 * nodes (its redexes pushed) and its root meets the other side. Takes
 * `def.size` nodes.
 *
 *     @f ~ (b)           ==>      root(copy of @f) ~ (b)
 */
export function dref(h: Uint32Array, rb: Uint32Array, r: number, def: DefCode, b: number): number {
  return expand(h, rb, r, def, b);
}

/**
 * OP2N  OP2 ~ NUM(x): the node becomes an OP1 storing x (in place), which
 * meets the operand tree.
 *
 *     <a1 a2> ~ #x       ==>      a1 ~ <!x a2>
 */
export function op2n(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const A = (a >>> 4) << 1;
  const operand = h[A];
  h[A] = b;
  return link(h, rb, r, operand, ((a >>> 4) << 4) | Tag.OP1);
}

/**
 * OP1N  OP1(x) ~ NUM(y): the result number goes to the result wire.
 *
 *     <!x a2> ~ #y       ==>      a2 ~ #(x op y)
 */
export function op1n(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const A = (a >>> 4) << 1;
  const n = applyOp(h[A] >>> 4, b >>> 4);
  r = link(h, rb, r, h[A + 1], (n << 4) | Tag.NUM);
  free(h, a >>> 4);
  return r;
}

/**
 * MATN  MAT ~ NUM(n): select a branch. n is the whole 28-bit value. Takes
 * 1 node for n = 0, else 2.
 *
 *     ?<a1 a2> ~ #0      ==>      a1 ~ (a2 *)
 *     ?<a1 a2> ~ #n      ==>      a1 ~ (* (#(n-1) a2))
 */
export function matn(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  const A = (a >>> 4) << 1;
  const n = b >>> 4;
  const k = alloc(h);
  if (n === 0) {
    h[(k << 1) | 1] = Tag.ERA;
    r = link(h, rb, r, h[A + 1], k << 4);
  } else {
    const d = alloc(h);
    h[k << 1] = Tag.ERA;
    h[(k << 1) | 1] = (d << 4) | Tag.CT0;
    h[d << 1] = ((n - 1) << 4) | Tag.NUM;
    r = link(h, rb, r, h[A + 1], (d << 4) | 1);
  }
  r = link(h, rb, r, h[A], (k << 4) | Tag.CT0);
  free(h, a >>> 4);
  return r;
}

/**
 * TYPE  OP2/OP1/MAT ~ OP2/OP1/MAT: no rule; the run stops naming the pair.
 *
 *     <..> ~ ?..         ==>      TypeErrorPair("OP2 ~ MAT")
 */
export function typeError(a: number, b: number): TypeErrorPair {
  return new TypeErrorPair(TAG_NAMES[a & 0xf], TAG_NAMES[b & 0xf]);
}
