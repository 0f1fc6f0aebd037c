/**
 * The interaction rules of DESIGN §4, one function each, all of the same
 * shape: load the ports they consume, store the new nodes, link the wire
 * ends, free the consumed nodes last. `interact` is the single dispatcher,
 * driven by ir's RULE_TABLE / RULE_FLIP.
 *
 * Ports are read from the heap when they are linked, not before: an earlier
 * link of the same rule may have written through a wire that loops back into
 * the consumed nodes, and reading late is what makes such wires come out
 * right (the sequential hvm-core discipline).
 *
 * Diagrams: `(a)` is a node with main port down, `a1 a2` its aux wires.
 */
import { RULE_FLIP, RULE_TABLE, Rule, TAG_NAMES, Tag, TypeErrorPair, applyOp } from "@hvm/ir";
import type { NetCore } from "./core.js";
import { ReducerInvariantError } from "./errors.js";

const OP1 = Tag.OP1;
const NUM = Tag.NUM;
const ERA = Tag.ERA;
const CT0 = Tag.CT0;

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
export function anni(c: NetCore, a: number, b: number): void {
  const A = (a >>> 4) << 1;
  const B = (b >>> 4) << 1;
  c.link(c.heap[A], c.heap[B]);
  c.link(c.heap[A + 1], c.heap[B + 1]);
  c.free(a >>> 4);
  c.free(b >>> 4);
}

/**
 * COMM  CTi ~ CTj (i != j), CTi ~ OP2, CTi ~ MAT: each node is copied
 * through the other (a is the CTR side).
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
export function comm(c: NetCore, a: number, b: number): void {
  const n0 = c.alloc();
  const n1 = c.alloc();
  const n2 = c.alloc();
  const n3 = c.alloc();
  const h = c.heap;
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
  c.link(h[A], (n0 << 4) | tb);
  c.link(h[A + 1], (n1 << 4) | tb);
  c.link(h[B], (n2 << 4) | ta);
  c.link(h[B + 1], (n3 << 4) | ta);
  c.free(a >>> 4);
  c.free(b >>> 4);
}

/**
 * PASS  CTi ~ OP1(x): the half-applied operation goes to both aux ports,
 * sharing its stored number; the CTR joins the two results.
 *
 *     a1  a2              a1        a2
 *      \ /                 |         |
 *      (a)             <!x . >   <!x . >
 *       |        ==>         \   /
 *    <!x b2>                  (a)
 *                              |
 *                             b2
 */
export function pass(c: NetCore, a: number, b: number): void {
  const n0 = c.alloc();
  const n1 = c.alloc();
  const n2 = c.alloc();
  const h = c.heap;
  const A = (a >>> 4) << 1;
  const B = (b >>> 4) << 1;
  const x = h[B];
  h[n0 << 1] = x;
  h[(n0 << 1) | 1] = n2 << 4;
  h[n1 << 1] = x;
  h[(n1 << 1) | 1] = (n2 << 4) | 1;
  h[n2 << 1] = (n0 << 4) | 1;
  h[(n2 << 1) | 1] = (n1 << 4) | 1;
  c.link(h[A], (n0 << 4) | OP1);
  c.link(h[A + 1], (n1 << 4) | OP1);
  c.link(h[B + 1], (n2 << 4) | (a & 0xf));
  c.free(a >>> 4);
  c.free(b >>> 4);
}

/**
 * COPY  NUM ~ CTi: the number goes to both aux ports.
 *
 *              b1  b2             b1  b2
 *               \ /                |   |
 *     #n ~      (b)      ==>      #n  #n
 */
export function copy(c: NetCore, a: number, b: number): void {
  const B = (b >>> 4) << 1;
  c.link(c.heap[B], a);
  c.link(c.heap[B + 1], a);
  c.free(b >>> 4);
}

/**
 * ERAS  ERA ~ CTi/OP2/MAT: the eraser goes to both aux ports.
 *
 *              b1  b2             b1  b2
 *               \ /                |   |
 *     *  ~      (b)      ==>       *   *
 */
export function eras(c: NetCore, a: number, b: number): void {
  const B = (b >>> 4) << 1;
  c.link(c.heap[B], a);
  c.link(c.heap[B + 1], a);
  c.free(b >>> 4);
}

/**
 * ERA1  ERA ~ OP1(x): the eraser goes to the result wire; x is dropped.
 *
 *     *  ~  <!x b2>      ==>      b2 ~ *
 */
export function era1(c: NetCore, a: number, b: number): void {
  c.link(c.heap[((b >>> 4) << 1) | 1], a);
  c.free(b >>> 4);
}

/**
 * VOID  ERA/NUM/REF ~ ERA/NUM/REF: both vanish.
 *
 *     x  ~  y            ==>      (nothing)
 */
export function voidRule(_c: NetCore, _a: number, _b: number): void {}

/**
 * DREF  REF ~ binary node or OP1: the definition is copied into fresh
 * nodes (its redexes pushed) and its root meets the other side.
 *
 *     @f ~ (b)           ==>      root(copy of @f) ~ (b)
 */
export function dref(c: NetCore, a: number, b: number): void {
  c.link(c.instantiate(a >>> 4), b);
}

/**
 * OP2N  OP2 ~ NUM(x): the node becomes an OP1 storing x (in place), which
 * meets the operand tree.
 *
 *     <a1 a2> ~ #x       ==>      a1 ~ <!x a2>
 */
export function op2n(c: NetCore, a: number, b: number): void {
  const A = (a >>> 4) << 1;
  const operand = c.heap[A];
  c.heap[A] = b;
  c.link(operand, ((a >>> 4) << 4) | OP1);
}

/**
 * OP1N  OP1(x) ~ NUM(y): the result number goes to the result wire.
 *
 *     <!x a2> ~ #y       ==>      a2 ~ #(x op y)
 */
export function op1n(c: NetCore, a: number, b: number): void {
  const A = (a >>> 4) << 1;
  const r = applyOp(c.heap[A] >>> 4, b >>> 4);
  c.link(c.heap[A + 1], (r << 4) | NUM);
  c.free(a >>> 4);
}

/**
 * MATN  MAT ~ NUM(n): select a branch. n is the whole 28-bit value.
 *
 *     ?<a1 a2> ~ #0      ==>      a1 ~ (a2 *)
 *     ?<a1 a2> ~ #n      ==>      a1 ~ (* (#(n-1) a2))
 */
export function matn(c: NetCore, a: number, b: number): void {
  const A = (a >>> 4) << 1;
  const n = b >>> 4;
  if (n === 0) {
    const k = c.alloc();
    c.heap[(k << 1) | 1] = ERA;
    c.link(c.heap[A + 1], k << 4);
    c.link(c.heap[A], (k << 4) | CT0);
  } else {
    const k = c.alloc();
    const d = c.alloc();
    const h = c.heap;
    h[k << 1] = ERA;
    h[(k << 1) | 1] = (d << 4) | CT0;
    h[d << 1] = ((n - 1) << 4) | NUM;
    c.link(h[A + 1], (d << 4) | 1);
    c.link(h[A], (k << 4) | CT0);
  }
  c.free(a >>> 4);
}

/**
 * TYPE  OP2/OP1/MAT ~ OP2/OP1/MAT: no rule; the run stops naming the pair.
 *
 *     <..> ~ ?..         ==>      TypeErrorPair("OP2 ~ MAT")
 */
export function typeError(_c: NetCore, a: number, b: number): never {
  throw new TypeErrorPair(TAG_NAMES[a & 0xf], TAG_NAMES[b & 0xf]);
}

/** RULE_TABLE and RULE_FLIP in one lookup: the rule id, plus 16 when the pair is flipped. */
export const DISPATCH: Uint8Array = Uint8Array.from(RULE_TABLE, (rule, k) => rule | (RULE_FLIP[k] << 4));

/**
 * The switch below uses the rule ids as literals so the engine compiles it
 * to a jump table; the test suite checks them against ir's Rule.
 */
export const DISPATCHED_RULES: readonly number[] = [
  Rule.ANNI, Rule.COMM, Rule.PASS, Rule.COPY, Rule.ERAS, Rule.ERA1,
  Rule.VOID, Rule.DREF, Rule.OP2N, Rule.OP1N, Rule.MATN, Rule.TYPE,
];

/** Reduce one redex: look the rule up, order the pair as the rule wants, count, apply. */
export function interact(c: NetCore, a: number, b: number): void {
  const d = DISPATCH[((a & 0xf) << 4) | (b & 0xf)];
  const rule = d & 0xf;
  if (d > 0xf) {
    const t = a;
    a = b;
    b = t;
  }
  switch (rule) {
    case 1: // Rule.ANNI
      anni(c, a, b);
      break;
    case 2: // Rule.COMM
      comm(c, a, b);
      break;
    case 3: // Rule.PASS
      pass(c, a, b);
      break;
    case 4: // Rule.COPY
      copy(c, a, b);
      break;
    case 5: // Rule.ERAS
      eras(c, a, b);
      break;
    case 6: // Rule.ERA1
      era1(c, a, b);
      break;
    case 7: // Rule.VOID
      voidRule(c, a, b);
      break;
    case 8: // Rule.DREF
      dref(c, a, b);
      break;
    case 9: // Rule.OP2N
      op2n(c, a, b);
      break;
    case 10: // Rule.OP1N
      op1n(c, a, b);
      break;
    case 11: // Rule.MATN
      matn(c, a, b);
      break;
    case 12: // Rule.TYPE
      return typeError(c, a, b);
    default:
      throw new ReducerInvariantError(`redex ${TAG_NAMES[a & 0xf]} ~ ${TAG_NAMES[b & 0xf]} is not a pair of main ports`);
  }
  c.counts[rule]++;
}
