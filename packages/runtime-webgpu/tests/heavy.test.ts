/**
 * The heavy corpus programs (examples/heavy.txt, 50M+ interactions each) are
 * too slow for lavapipe, so this runs reduced-size variants: the same book
 * with its size constants lowered (below), compared with the reference
 * reducer. The full sizes run on real GPUs through bench/device.sh.
 */
import { compileBook } from "@hvm/ir";
import { runCompiled } from "@hvm/runtime-cpu";
import { parseBook, printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import { createWebGpuRuntime } from "../src/index.js";
import { TEST_MEMORY, gpu } from "./gpu.js";

/** Source rewrites per heavy program: [pattern, replacement]. */
const REDUCE: Record<string, Array<[RegExp, string]>> = {
  "heavy-tree-sum": [[/@sum ~ \(#22 r\)/, "@sum ~ (#14 r)"]],
  "heavy-chain": [[/#8000000/, "#20000"]],
  "heavy-rec-sum": [[/#5000000/, "#10000"]],
  "heavy-loops": [
    [/@fork ~ \(#10 r\)/, "@fork ~ (#6 r)"],
    [/@loop ~ \(#8000 r\)/, "@loop ~ (#500 r)"],
  ],
};

const heavy = loadCorpus().filter((p) => p.heavy);

describe.skipIf(!gpu)("webgpu runtime on reduced heavy programs", () => {
  const rt = gpu ? createWebGpuRuntime({ device: gpu.device, adapterInfo: gpu.adapterInfo }) : undefined;

  it("has a reduction for every heavy program", () => {
    expect(heavy.map((p) => p.name).sort()).toEqual(Object.keys(REDUCE).sort());
  });

  for (const prog of heavy) {
    it(`${prog.name} (reduced)`, async () => {
      let source = prog.source;
      for (const [pattern, replacement] of REDUCE[prog.name] ?? []) {
        expect(source).toMatch(pattern);
        source = source.replace(pattern, replacement);
      }
      const book = parseBook(source, prog.file);
      const ref = runCompiled(compileBook(book));
      const res = await rt!.run(book, { memory: TEST_MEMORY });
      expect(printNet(res.net)).toBe(printNet(ref.net));
      expect(res.stats.byRule).toEqual(ref.stats.byRule);
    });
  }
});
