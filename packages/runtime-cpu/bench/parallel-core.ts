/**
 * The cpu-parallel core on one thread, in process (no workers): boot, rounds
 * and normal-form expansion as the Node edge does them, for profiling and
 * instruction counting of the parallel rules (bench/icount.sh par).
 * Arguments: program (sum | church | bitonic), size. Run from packages/runtime-cpu.
 */
import { ROOT_SLOT, Tag, compileBook, port, printNet } from "@hvm/ir";
import { Ctl, createSharedState } from "../src/parallel/core/layout.js";
import { Machine, toCellBook } from "../src/parallel/core/machine.js";
import { WorkerLoop } from "../src/parallel/core/scheduler.js";
import { expandReachable, readNet } from "../src/parallel/core/walk.js";
import { benchBook } from "./book.js";

const program = process.argv[2] ?? "sum";
const size = Number(process.argv[3] ?? 15);
const book = benchBook(program, size);
const compiled = compileBook(book);
const defs = toCellBook(compiled);
const state = createSharedState(1 << 24, 1, defs);
const ctl = new Int32Array(state.ctl);
const host = new Machine(state, defs, state.threads);
const loop = new WorkerLoop(state, defs, 0, -1);
const started = performance.now();
host.heap[ROOT_SLOT] = port(Tag.REF, compiled.index.get("main")!);
let from = [ROOT_SLOT];
for (;;) {
  const expanded = expandReachable(host, from);
  if (expanded.length === 0) break;
  const redexes = host.drain();
  ctl[Ctl.THREADS] = 1;
  Atomics.store(ctl, Ctl.ACTIVE, 1);
  ctl[Ctl.DONE] = 0;
  loop.round(redexes);
  from = expanded;
}
const seconds = (performance.now() - started) / 1000;
const counts = [...loop.machine.classCounts(), ...host.classCounts()];
const interactions = counts.reduce((a, b) => a + b, 0);
console.error(`${(interactions / seconds / 1e6).toFixed(1)} M/s`);
console.log(`${program} ${size}: ${printNet(readNet(host.heap, compiled.names, ROOT_SLOT))} interactions=${interactions}`);
