/**
 * The kernel's free stack (kernel/assembly/kernel.ts `unlist`) when it is
 * full: freed nodes are then left with NULL slots for their chunk owner's
 * scan. One thread in process, with a free stack of 0 and 2 nodes, must give
 * the reference's exact normal form and counts on the corpus.
 */
import { type Book, RULE_CLASSES, ROOT_SLOT, Tag, compileBook, emptyByRule, port, printNet } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { describe, expect, it } from "vitest";
import { Ctl, createSharedState } from "../../src/parallel/core/layout.js";
import { Machine, toCellBook } from "../../src/parallel/core/machine.js";
import { WorkerLoop } from "../../src/parallel/core/scheduler.js";
import { expandReachable, readNet } from "../../src/parallel/core/walk.js";
import { book, light, summary } from "./helpers.js";

/** Boot, rounds and expansion as the Node edge does them, on one in-process worker. */
function runInProcess(b: Book, freeWords: number): ReturnType<typeof summary> {
  const compiled = compileBook(b);
  const defs = toCellBook(compiled);
  const state = createSharedState(1 << 20, 1, defs, freeWords);
  const ctl = new Int32Array(state.ctl);
  const host = new Machine(state, defs, 1);
  const loop = new WorkerLoop(state, defs, 0, -1);
  host.heap[ROOT_SLOT] = port(Tag.REF, compiled.index.get("main")!);
  let from = [ROOT_SLOT];
  for (;;) {
    const expanded = expandReachable(host, from);
    if (expanded.length === 0) break;
    ctl[Ctl.THREADS] = 1;
    ctl[Ctl.DONE] = 0;
    Atomics.store(ctl, Ctl.ACTIVE, 1);
    expect(loop.round(host.drain())).toBe(0);
    from = expanded;
  }
  const byRule = emptyByRule();
  const counts = [loop.machine.classCounts(), host.classCounts()];
  RULE_CLASSES.forEach((k, i) => (byRule[k] = counts[0][i] + counts[1][i]));
  const net = readNet(host.heap, compiled.names, ROOT_SLOT);
  return { normalForm: printNet(net), rwts: RULE_CLASSES.reduce((t, k) => t + byRule[k], 0), byRule };
}

const reference = createCpuRuntime();

describe.each([0, 2])("a free stack of %i nodes", (freeWords) => {
  for (const p of light) {
    it(p.name, async () => {
      const b = book(p.source);
      expect(runInProcess(b, freeWords)).toEqual(summary(await reference.run(b)));
    });
  }
});
