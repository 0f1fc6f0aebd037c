/**
 * The primitives the rules (rules.ts) are written with, over the concurrent
 * heap in cell form (docs/linking.md): `alloc` (free list, else the chunk
 * scan), `consume` (settle the aux slots of a node a rule has read) and
 * `link` (connect two wire ends: a deposit with one atomic exchange, a
 * pickup, or a redex). Plain functions of what they touch, so the engine
 * inlines them into the hot loop (loop.ts).
 */
import { Tag } from "@hvm/ir";
import type { Allocator } from "./alloc.js";
import type { Machine } from "./machine.js";

/** The empty-cell pointer of slot x: VR(x). */
export const vrOf = (x: number): number => ((x >>> 1) << 4) | (x & 1);

/** A fresh node: the free list's head, else the allocator's scan. Rules write both of its slots. */
export function alloc(al: Allocator, h: Int32Array): number {
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
export function consume(al: Allocator, h: Int32Array, n: number, v1: number, v2: number): void {
  const c1 = v1 === vrOf(2 * n);
  const c2 = v2 === vrOf(2 * n + 1);
  if (!c1 && !c2) {
    h[2 * n] = (al.head << 4) | Tag.ERA;
    h[2 * n + 1] = Tag.ERA;
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
