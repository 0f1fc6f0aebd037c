/**
 * Fake runtimes and a tiny program for the bench's unit tests.
 */
import { emptyByRule, num, printNet, type Net, type Runtime, type RunResult } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import type { BenchOptions, BenchProgram, BenchReport, MachineInfo } from "../src/model.js";
import { runSuite } from "../src/suite.js";

export const MUL: BenchProgram = {
  name: "mul",
  origin: "corpus",
  book: parseBook("@main = r & #3 ~ <#123 <#321 r>>"),
  expected: "#39483",
  expectedInteractions: 5,
};

export const OPTIONS: BenchOptions = { quick: true, warmup: 1, reps: 3, budgetSeconds: 60, timeoutSeconds: 5 };

export const MACHINE: MachineInfo = {
  platform: "linux",
  arch: "x64",
  cpuModel: "Test CPU",
  cpus: 2,
  memoryBytes: 8 * 2 ** 30,
  node: "20.0.0",
  hostname: "test",
};

/** A runtime that answers `net` with `interactions` interactions, taking `seconds[i]` on run i. */
export function fakeRuntime(name: string, net: Net, interactions: number, seconds: readonly number[]): Runtime & { runs: number; disposed: boolean } {
  const rt = {
    name,
    runs: 0,
    disposed: false,
    async run(): Promise<RunResult> {
      const s = seconds[rt.runs++ % seconds.length];
      const byRule = { ...emptyByRule(), OPER: interactions };
      return { net, stats: { interactions, byRule, seconds: s, mips: interactions / s / 1e6, peakNodes: 2 } };
    },
    async dispose(): Promise<void> {
      rt.disposed = true;
    },
  };
  return rt;
}

export const RIGHT: Net = { root: num(39483), redexes: [] };
export const WRONG: Net = { root: num(39484), redexes: [] };
export const print = printNet;

/** One program on a right and a wrong runtime. */
export async function sampleReport(): Promise<BenchReport> {
  return runSuite({
    programs: [MUL],
    targets: [
      { id: "cpu", kind: "cpu", create: async () => fakeRuntime("cpu", RIGHT, 5, [1e-6, 2e-6, 1e-6, 3e-6]) },
      {
        id: "webgpu:0",
        kind: "webgpu",
        adapter: { vendor: "mesa", architecture: "", device: "", description: "llvmpipe (LLVM 19)", driver: "llvmpipe (LLVM 19)" },
        create: async () => fakeRuntime("webgpu", WRONG, 5, [1]),
      },
    ],
    options: OPTIONS,
    machine: MACHINE,
    print,
  });
}
