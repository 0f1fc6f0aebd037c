/**
 * The single dispatcher and hot loop of the parallel reducer, in the
 * reference's shape (dispatch.ts): the heap, the redex stack and its length
 * and one counter per rule in locals, one lookup in the reference's DISPATCH
 * table (ir's RULE_TABLE and RULE_FLIP), the rules of rules.ts as plain
 * functions returning the new stack length.
 */
import { Rule } from "@hvm/ir";
import { DISPATCH } from "../../dispatch.js";
import type { Machine } from "./machine.js";
import { anni, comm, copy, dref, era1, matn, op1n, op2n, pass } from "./rules.js";

/** Two numeric nodes met; carries the tags of the pair in redex order. */
export class TypeStop extends Error {
  constructor(
    readonly left: number,
    readonly right: number,
  ) {
    super("type error");
  }
}

/**
 * Reduce up to `budget` redexes from the top of the machine's stack; returns
 * how many. Stops early when the stack is empty. Throws TypeStop on a pair of numbers
 * (and HeapExhausted from the allocator).
 */
export function reduceSome(m: Machine, budget: number): number {
  const h = m.heap;
  const defs = m.defs;
  const room = m.room;
  let rb = m.stack;
  let r = m.sp;
  let base = m.base;
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
  while (n < budget && r !== base) {
    if (r + room > rb.length) {
      m.sp = r;
      m.grow();
      rb = m.stack;
      r = m.sp;
      base = m.base;
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
