import { type Book, type RunOptions, type RunResult, type Runtime, emptyByRule } from "@hvm/ir";
import { parseBook, printNet } from "@hvm/syntax";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { describe, expect, it } from "vitest";
import { AUTO_PROBE_INTERACTIONS, createAutoRuntime } from "../src/webgpu.js";

/** A runtime that records its runs and answers with the reference's result. */
function recording(name: string, log: string[]): Runtime {
  const cpu = createCpuRuntime();
  return {
    name,
    async run(book: Book, opts: RunOptions = {}): Promise<RunResult> {
      log.push(`${name} ${opts.maxInteractions ?? "-"}`);
      return cpu.run(book, opts);
    },
    dispose: () => cpu.dispose(),
  };
}

/** examples/heavy-rec-sum.hvmc at n: 12n + 6 interactions (3.1M for n = 2^18, past the probe), result n(n-1)/2 mod 2^24. */
const recSum = (n: number): Book =>
  parseBook(`@main = r & @rsum ~ (#${n} r)
@rsum = (?(#0 @rsumS) r r)
@rsumS = ([p q] r) & @rsum ~ (p s) & #1 ~ <q <s r>>`);

describe("auto", () => {
  it("keeps a small program's result from the reference probe and starts nothing else", async () => {
    const log: string[] = [];
    let gpuTried = false;
    const rt = createAutoRuntime({}, () => recording("cpu", log), () => recording("cpu-parallel", log), async () => {
      gpuTried = true;
      throw new Error("no adapter");
    });
    const { net, stats } = await rt.run(parseBook("@main = r & #1 ~ <#10 <#2 r>>"));
    expect(printNet(net)).toBe("#12");
    expect(stats.byRule).toEqual({ ...emptyByRule(), DREF: 1, OPER: 4 });
    expect(log).toEqual([`cpu ${AUTO_PROBE_INTERACTIONS}`]);
    expect(gpuTried).toBe(false);
    await rt.dispose();
  });

  it("runs a large program on the GPU with the single-thread reference as its fallback", async () => {
    const log: string[] = [];
    let fallbackName = "";
    const rt = createAutoRuntime({}, () => recording("cpu", log), () => recording("cpu-parallel", log), async (_o, fallback) => {
      fallbackName = fallback.name;
      return recording("webgpu", log);
    });
    const { net, stats } = await rt.run(recSum(1 << 18));
    expect(printNet(net)).toBe(`#${(((1 << 18) * ((1 << 18) - 1)) / 2) % (1 << 24)}`);
    expect(stats.interactions).toBe(12 * (1 << 18) + 6);
    expect(log).toEqual([`cpu ${AUTO_PROBE_INTERACTIONS}`, "webgpu -"]);
    expect(fallbackName).toBe("cpu");
    await rt.dispose();
  });

  it("runs a large program on the parallel CPU runtime when there is no GPU", async () => {
    const log: string[] = [];
    const rt = createAutoRuntime({}, () => recording("cpu", log), () => recording("cpu-parallel", log), async () => {
      throw new Error("no adapter");
    });
    await rt.run(recSum(1 << 18));
    expect(log).toEqual([`cpu ${AUTO_PROBE_INTERACTIONS}`, "cpu-parallel -"]);
    await rt.dispose();
  });
});
