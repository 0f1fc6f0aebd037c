import { InteractionLimitError, type Book, type RunOptions, type RunResult, type Runtime, emptyByRule } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { DEFAULT_WIDTH } from "../../src/auto/live.js";
import { type AutoOptions, type AutoStats, createAutoRuntime } from "../../src/auto/runtime.js";
import { chainThenLoops, recSum, recording, sumRange, treeSum } from "./programs.js";

/** Small probe and checks, so that programs of a few 100k interactions cross several checks. */
function auto(engine: AutoOptions["engine"]): Runtime {
  return createAutoRuntime({ engine, probe: 2_000, checkEvery: 5_000 });
}

/** An engine factory that records its calls and makes a recording runtime. */
function fakeEngine(log: string[], name = "webgpu:fake"): AutoOptions["engine"] {
  return async (memory) => {
    log.push(`engine made (memory ${memory ?? "-"})`);
    return recording(name, log);
  };
}

const route = (r: RunResult): AutoStats["auto"] => (r.stats as AutoStats).auto;

const treeCounts = (d: number) => ({
  ANNI: 5 * 2 ** d - 3,
  COMM: 2 ** d - 1,
  ERAS: 2 ** (d + 1) - 1,
  DREF: 3 * 2 ** d - 1,
  OPER: 6 * 2 ** d - 5,
});

describe("auto: where a program runs", () => {
  it("keeps a program that ends within the probe on the reference and makes no engine", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const r = await rt.run(recSum(100));
    expect(printNet(r.net)).toBe("#4950");
    expect(r.stats.byRule).toEqual({ ANNI: 302, COMM: 100, ERAS: 101, DREF: 202, OPER: 501 });
    expect(route(r)).toEqual({ runtimes: ["cpu"], reference: 1206, widest: 0 });
    await rt.dispose();
    expect(log).toEqual([]);
  });

  it("runs a sequential recursion to the end on the reference, past many checks, without making an engine", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const n = 1 << 16;
    const r = await rt.run(recSum(n));
    expect(printNet(r.net)).toBe(`#${((n * (n - 1)) / 2) % (1 << 24)}`);
    expect(r.stats.interactions).toBe(12 * n + 6);
    expect(r.stats.byRule).toEqual({ ANNI: 3 * n + 2, COMM: n, ERAS: n + 1, DREF: 2 * n + 2, OPER: 5 * n + 1 });
    expect(route(r).runtimes).toEqual(["cpu"]);
    expect(route(r).widest).toBeLessThanOrEqual(3);
    await rt.dispose();
    expect(log).toEqual([]);
  });

  it("keeps a list sum on the reference although it defers hundreds of one-step additions", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const book = sumRange(20_000);
    const want = await createCpuRuntime().run(book);
    const r = await rt.run(book);
    expect(printNet(r.net)).toBe(printNet(want.net));
    expect(r.stats.byRule).toEqual(want.stats.byRule);
    expect(r.stats.interactions).toBe(480_013);
    expect(route(r).runtimes).toEqual(["cpu"]);
    expect(route(r).widest).toBeGreaterThanOrEqual(DEFAULT_WIDTH.live);
    expect(log).toEqual([]);
    await rt.dispose();
  });

  it("hands a tree recursion over mid-run, partly reduced, and adds the counts up exactly", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const d = 12;
    const r = await rt.run(treeSum(d), { memory: 1 << 24 });
    expect(printNet(r.net)).toBe(`#${2 ** d}`);
    expect(r.stats.byRule).toEqual(treeCounts(d));
    expect(r.stats.interactions).toBe(17 * 2 ** d - 11);
    const { runtimes, reference } = route(r);
    expect(runtimes).toEqual(["cpu", "webgpu:fake"]);
    expect(reference).toBeGreaterThanOrEqual(2_000);
    expect(reference).toBeLessThan(r.stats.interactions);
    expect(log).toEqual([`engine made (memory ${1 << 24})`, "webgpu:fake auto.handover"]);
    await rt.dispose();
    expect(log.at(-1)).toBe("webgpu:fake disposed");
  });

  it("moves a program that is narrow first and fans out later once it fans out", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const chain = 30_000;
    const book = chainThenLoops(chain, 9, 200);
    const want = await createCpuRuntime().run(book);
    const r = await rt.run(book);
    expect(printNet(r.net)).toBe("#1024");
    expect(r.stats.byRule).toEqual(want.stats.byRule);
    expect(r.stats.interactions).toBe(want.stats.interactions);
    expect(route(r).runtimes).toEqual(["cpu", "webgpu:fake"]);
    expect(route(r).reference).toBeGreaterThan(7 * chain);
    await rt.dispose();
  });

  it("finishes on the reference when there is no engine here, and asks for one only once", async () => {
    let asked = 0;
    const rt = auto(async () => {
      asked++;
      return undefined;
    });
    for (let i = 0; i < 2; i++) {
      const r = await rt.run(treeSum(12));
      expect(printNet(r.net)).toBe("#4096");
      expect(r.stats.byRule).toEqual(treeCounts(12));
      expect(route(r).runtimes).toEqual(["cpu"]);
    }
    expect(asked).toBe(1);
    await rt.dispose();
  });

  it("treats an engine that fails to start as no engine", async () => {
    const rt = auto(async () => {
      throw new Error("no adapter");
    });
    const r = await rt.run(treeSum(12));
    expect(r.stats.byRule).toEqual(treeCounts(12));
    expect(route(r).runtimes).toEqual(["cpu"]);
    await rt.dispose();
  });

  it("keeps reducing on the reference while the engine is being made", async () => {
    const handedAt = async (turns: number): Promise<number> => {
      const rt = auto(async () => {
        for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
        return recording("webgpu:fake", []);
      });
      const r = await rt.run(treeSum(16));
      expect(r.stats.byRule).toEqual(treeCounts(16));
      expect(route(r).runtimes).toEqual(["cpu", "webgpu:fake"]);
      await rt.dispose();
      return route(r).reference;
    };
    const fast = await handedAt(0);
    const slow = await handedAt(8);
    expect(slow).toBeGreaterThan(fast + 5 * 5_000);
  });

  it("keeps a wide net larger than the handover limit on the reference", async () => {
    const log: string[] = [];
    const rt = createAutoRuntime({ engine: fakeEngine(log), probe: 2_000, checkEvery: 5_000, handoverNodes: 10 });
    const r = await rt.run(treeSum(12));
    expect(r.stats.byRule).toEqual(treeCounts(12));
    expect(route(r).runtimes).toEqual(["cpu"]);
    expect(log).toEqual(["engine made (memory -)"]);
    await rt.dispose();
  });

  it("reuses one engine across runs", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    await rt.run(treeSum(12));
    await rt.run(treeSum(13));
    expect(log).toEqual(["engine made (memory -)", "webgpu:fake auto.handover", "webgpu:fake auto.handover"]);
    await rt.dispose();
  });
});

describe("auto: the engine's fallback and the options", () => {
  it("reports the GPU's fallback to the reference in the route, with the counts unchanged", async () => {
    const cpu = createCpuRuntime();
    const gpu: Runtime = {
      name: "webgpu:fake",
      async run(book: Book, opts: RunOptions = {}): Promise<RunResult> {
        const r = await cpu.run(book, opts);
        return { net: r.net, stats: { ...r.stats, fallback: "cpu (at most 3 pending redexes)" } as RunResult["stats"] };
      },
      dispose: async () => {},
    };
    const rt = auto(async () => gpu);
    const r = await rt.run(treeSum(12));
    expect(r.stats.byRule).toEqual(treeCounts(12));
    expect(route(r).runtimes).toEqual(["cpu", "webgpu:fake", "cpu"]);
    await rt.dispose();
  });

  it("applies --max-interactions across the handover: the exact count passes, one less fails naming the limit", async () => {
    const log: string[] = [];
    const rt = auto(fakeEngine(log));
    const total = 17 * 2 ** 12 - 11;
    const ok = await rt.run(treeSum(12), { maxInteractions: total });
    expect(route(ok).runtimes).toEqual(["cpu", "webgpu:fake"]);
    expect(ok.stats.interactions).toBe(total);
    await expect(rt.run(treeSum(12), { maxInteractions: total - 1 })).rejects.toThrow(new InteractionLimitError(total - 1));
    await expect(rt.run(recSum(1 << 14), { maxInteractions: 10_000 })).rejects.toThrow(new InteractionLimitError(10_000));
    await rt.dispose();
  });

  it("runs another entry and reports a missing one like the reference", async () => {
    const rt = auto(async () => undefined);
    const book = treeSum(3);
    const r = await rt.run({ defs: [...book.defs, { name: "two", net: treeSum(1).defs[0].net }] }, { entry: "two" });
    expect(printNet(r.net)).toBe("#2");
    expect(r.stats.byRule).toEqual({ ...emptyByRule(), ...treeCounts(1) });
    await expect(rt.run(book, { entry: "nope" })).rejects.toThrow(/@nope/);
    await rt.dispose();
  });
});
