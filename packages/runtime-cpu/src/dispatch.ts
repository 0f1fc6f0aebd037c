/**
 * The single dispatcher and hot loop: pop a redex, look its rule up in one
 * table built from ir's RULE_TABLE / RULE_FLIP, order the pair, apply the
 * rule function (rules.ts), count.
 *
 * Everything the loop touches per interaction lives in locals: the heap,
 * the redex stack and its length, the live and peak node counts, one
 * integer counter per rule. They are written back to the NetCore when the
 * chunk ends, also when it stops on an error (thrown after the write-back). Room is checked with one comparison each: the
 * redex stack against the most one interaction can push (`room`), the free
 * list against the most nodes one interaction can take (`most`); only when
 * a check fails does the loop leave its fast path to grow the stack or the
 * heap (and reload them), or to throw OutOfMemoryError when the exact need
 * of this interaction does not fit under the memory limit.
 */
import { RULE_FLIP, RULE_TABLE, Rule, TAG_NAMES } from "@hvm/ir";
import type { NetCore } from "./core.js";
import { ReducerInvariantError } from "./errors.js";
import { anni, comm, copy, dref, era1, eras, matn, op1n, op2n, pass, typeError, voidRule } from "./rules.js";

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

/** Nodes the rule takes for the (ordered) pair a ~ b. */
export function nodesNeeded(c: NetCore, rule: number, a: number, b: number): number {
  switch (rule) {
    case 2: // Rule.COMM
      return 4;
    case 3: // Rule.PASS
      return 3;
    case 8: // Rule.DREF
      return c.defs[a >>> 4].size;
    case 11: // Rule.MATN
      return b >>> 4 === 0 ? 1 : 2;
    default:
      return 0;
  }
}

/** Reduce up to `budget` redexes from the stack; returns how many. The hot loop. */
export function reduceChunk(c: NetCore, budget: number): number {
  const defs = c.defs;
  const room = c.room;
  const most = c.most;
  let h = c.heap;
  let rb = c.rbag;
  let r = c.rlen;
  let live = c.live;
  let peak = c.peak;
  let stackEnd = rb.length - room;
  let nodeEnd = c.capacity - 1 - most;
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
  let error: Error | null = null;
  loop: while (n < budget && r !== 0) {
    r -= 2;
    let a = rb[r];
    let b = rb[r + 1];
    const d = DISPATCH[((a & 0xf) << 4) | (b & 0xf)];
    if (d > 0xf) {
      const t = a;
      a = b;
      b = t;
    }
    if (r > stackEnd) {
      c.rlen = r;
      c.reserveRedexes(room);
      rb = c.rbag;
      stackEnd = rb.length - room;
    }
    if (live > nodeEnd) {
      c.live = live;
      if (!c.reserve(nodesNeeded(c, d & 0xf, a, b))) {
        error = c.outOfMemory();
        break;
      }
      h = c.heap;
      nodeEnd = c.capacity - 1 - most;
    }
    switch (d & 0xf) {
      case 1: // Rule.ANNI
        r = anni(h, rb, r, a, b);
        live -= 2;
        nAnni++;
        break;
      case 2: // Rule.COMM
        if (live + 4 > peak) peak = live + 4;
        r = comm(h, rb, r, a, b);
        live += 2;
        nComm++;
        break;
      case 3: // Rule.PASS
        if (live + 3 > peak) peak = live + 3;
        r = pass(h, rb, r, a, b);
        live += 1;
        nPass++;
        break;
      case 4: // Rule.COPY
        r = copy(h, rb, r, a, b);
        live -= 1;
        nCopy++;
        break;
      case 5: // Rule.ERAS
        r = eras(h, rb, r, a, b);
        live -= 1;
        nEras++;
        break;
      case 6: // Rule.ERA1
        r = era1(h, rb, r, a, b);
        live -= 1;
        nEra1++;
        break;
      case 7: // Rule.VOID
        r = voidRule(h, rb, r, a, b);
        nVoid++;
        break;
      case 8: {
        // Rule.DREF
        const def = defs[a >>> 4];
        live += def.size;
        if (live > peak) peak = live;
        r = dref(h, rb, r, def, b);
        nDref++;
        break;
      }
      case 9: // Rule.OP2N
        r = op2n(h, rb, r, a, b);
        nOp2n++;
        break;
      case 10: // Rule.OP1N
        r = op1n(h, rb, r, a, b);
        live -= 1;
        nOp1n++;
        break;
      case 11: {
        // Rule.MATN
        const k = b >>> 4 === 0 ? 1 : 2;
        if (live + k > peak) peak = live + k;
        r = matn(h, rb, r, a, b);
        live += k - 1;
        nMatn++;
        break;
      }
      case 12: // Rule.TYPE
        error = typeError(a, b);
        break loop;
      default:
        error = new ReducerInvariantError(`redex ${TAG_NAMES[a & 0xf]} ~ ${TAG_NAMES[b & 0xf]} is not a pair of main ports`);
        break loop;
    }
    n++;
  }
  c.rlen = r;
  c.live = live;
  c.peak = peak;
  const k = c.counts;
  k[1] += nAnni;
  k[2] += nComm;
  k[3] += nPass;
  k[4] += nCopy;
  k[5] += nEras;
  k[6] += nEra1;
  k[7] += nVoid;
  k[8] += nDref;
  k[9] += nOp2n;
  k[10] += nOp1n;
  k[11] += nMatn;
  if (error !== null) throw error;
  return n;
}
