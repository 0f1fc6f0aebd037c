import { compileBook } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { parseBook, printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { DEFAULT_WIDTH, measureWidth } from "../../src/auto/live.js";
import { ReferenceProbe, STACK_KEEP } from "../../src/auto/probe.js";
import { recSum, treeSum } from "./programs.js";

/** examples/chain-10.hvmc at n steps: 7n + 6 interactions, one erasure left on the stack per step. */
const chain = (n: number) =>
  parseBook(`@main = r & @loop ~ (#${n} r)
@loop = (?(#1 @loopS) r r)
@loopS = (p r) & @loop ~ (p r)`);

function probeOf(book: ReturnType<typeof parseBook>, opts = {}): ReferenceProbe {
  const compiled = compileBook(book, { entry: "main" });
  return new ReferenceProbe(compiled, compiled.index.get("main")!, opts);
}

describe("ReferenceProbe", () => {
  it("reduces a chain in slices like the reference, keeping the part of its stack it scans short by freezing the bottom", async () => {
    const n = 1 << 15;
    const probe = probeOf(chain(n));
    const seen: number[] = [];
    while (!probe.advance(10_000)) {
      seen.push(probe.live());
      expect(probe.reducer.core.rlen / 2).toBeLessThanOrEqual(2 * STACK_KEEP);
    }
    expect(Math.max(...seen)).toBeLessThanOrEqual(2);
    const r = probe.result();
    expect(printNet(r.net)).toBe("#1");
    expect(r.stats.interactions).toBe(7 * n + 6);
    expect(r.stats.byRule).toEqual({ ANNI: 3 * n + 2, COMM: 0, ERAS: n + 1, DREF: 2 * n + 2, OPER: n + 1 });
  });

  it("counts a sequential recursion narrow and a tree recursion wide", () => {
    const seq = probeOf(recSum(1 << 14));
    seq.advance(50_000);
    const narrow = measureWidth(seq, DEFAULT_WIDTH);
    expect(narrow.live).toBeLessThanOrEqual(3);
    expect(narrow).toMatchObject({ big: 0, wide: false });
    const tree = probeOf(treeSum(16));
    tree.advance(2_000);
    const w = measureWidth(tree, DEFAULT_WIDTH);
    expect(w.live).toBeGreaterThanOrEqual(DEFAULT_WIDTH.live);
    expect(w).toMatchObject({ big: DEFAULT_WIDTH.big, wide: true });
  });

  it("gives the same normal form and counts after trials reorder the reduction", () => {
    const d = 12;
    const probe = probeOf(treeSum(d));
    while (!probe.advance(3_000)) measureWidth(probe, { live: 1, trials: 8, trialInteractions: 500, big: 8 });
    const r = probe.result();
    expect(printNet(r.net)).toBe(`#${2 ** d}`);
    expect(r.stats.byRule).toEqual({ ANNI: 5 * 2 ** d - 3, COMM: 2 ** d - 1, ERAS: 2 ** (d + 1) - 1, DREF: 3 * 2 ** d - 1, OPER: 6 * 2 ** d - 5 });
  });

  it("reads the partly reduced net back; reducing it finishes the program", async () => {
    const n = 1 << 12;
    const probe = probeOf(chain(n));
    probe.advance(20_000);
    probe.live();
    const { net, erased } = probe.partialNet();
    expect(erased).toBeGreaterThan(2_000);
    expect(net.redexes.length).toBeLessThanOrEqual(2);
    const rest = await createCpuRuntime().run({ defs: [...chain(n).defs.filter((d) => d.name !== "main"), { name: "main", net }] });
    expect(printNet(rest.net)).toBe("#1");
    expect(probe.interactions + erased + rest.stats.interactions - 1).toBe(7 * n + 6);
  });
});
