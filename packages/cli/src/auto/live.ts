/**
 * How `auto` tells a wide net from a narrow one, from the reference's redex
 * stack (measured on examples/ and examples/bench, docs/runtimes.md):
 *
 * 1. Live redexes: a pending redex is live when reducing it starts work:
 *    every rule but the erasures (ERAS class: a sequential chain leaves one
 *    erasure behind every few steps, millions of them) and but OP2 ~ NUM
 *    whose operand is not a number yet (it becomes an OP1 that waits).
 *    Sequential programs keep 1-5 live redexes; tree recursions 5-27.
 * 2. Trials: a count alone cannot tell a fan-out from a pile of one-step
 *    redexes (a lang `Sum` over a list defers a million additions, each one
 *    interaction). So when `live` reaches the threshold, the deepest live
 *    redexes (the oldest deferred work) are moved to the top of the stack in
 *    turn and reduced until what they start is finished or
 *    `trialInteractions` have been spent; the net is wide when `big` of them
 *    ran that long. Trials change only the order of reduction.
 */
import { RULE_CLASS, RULE_CLASSES, RULE_TABLE, Rule, Tag } from "@hvm/ir";
import type { ReferenceProbe } from "./probe.js";

export interface WidthRule {
  /** Live redexes pending before any trial is made. */
  readonly live: number;
  /** Deepest live redexes tried, at most. */
  readonly trials: number;
  /** Interactions after which a tried redex counts as big. */
  readonly trialInteractions: number;
  /** Big trials that make the net wide. */
  readonly big: number;
}

export const DEFAULT_WIDTH: WidthRule = { live: 8, trials: 4, trialInteractions: 4096, big: 2 };

/** Interactions per hot-loop call during a trial (how closely its end is seen). */
const TRIAL_SLICE = 64;

const ERAS = RULE_CLASSES.indexOf("ERAS");
const DEAD = 0;
const LIVE = 1;
const OP2_NUM = 2;

/** Per pair of main-port tags: DEAD, LIVE, or OP2_NUM (live when the operand is a number). */
const KIND: Uint8Array = Uint8Array.from(RULE_TABLE, (rule) => {
  const cls = RULE_CLASS[rule];
  if (cls < 0 || cls === ERAS) return DEAD;
  return rule === Rule.OP2N ? OP2_NUM : LIVE;
});

/** 1 when the redex a ~ b starts work, else 0 (see the top of this file). */
export function isLive(h: Uint32Array, a: number, b: number): number {
  const k = KIND[((a & 0xf) << 4) | (b & 0xf)];
  if (k !== OP2_NUM) return k;
  const op2 = (a & 0xf) === Tag.OP2 ? a : b;
  return (h[(op2 >>> 4) << 1] & 0xf) === Tag.NUM ? LIVE : DEAD;
}

/** Live redexes among the stack entries [from, to) (pairs). */
export function countLive(h: Uint32Array, rb: Uint32Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 2) {
    const a = rb[i];
    const b = rb[i + 1];
    const k = KIND[((a & 0xf) << 4) | (b & 0xf)];
    if (k === LIVE) n++;
    else if (k === OP2_NUM) n += isLive(h, a, b);
  }
  return n;
}

/** ERA, NUM or REF: a pair of two of them only vanishes (one ERAS). */
export function isNullary(p: number): boolean {
  const t = p & 0xf;
  return t === Tag.ERA || t === Tag.NUM || t === Tag.REF;
}

export interface Width {
  /** Live redexes pending. */
  readonly live: number;
  /** Trials that ran `trialInteractions` without finishing. */
  readonly big: number;
  readonly wide: boolean;
}

/** Measure the probe's net now (trials included: they reduce it further). */
export function measureWidth(probe: ReferenceProbe, rule: WidthRule): Width {
  const live = probe.live();
  if (live < rule.live) return { live, big: 0, wide: false };
  let big = 0;
  for (const at of probe.deepestLive(rule.trials)) {
    if (!probe.isLiveAt(at)) continue;
    if (probe.promote(at, rule.trialInteractions, TRIAL_SLICE) >= rule.trialInteractions) big++;
    if (big >= rule.big) break;
  }
  return { live, big, wide: big >= rule.big };
}
