/**
 * The whole example corpus on the WebGPU runtime: canonical normal forms and
 * per-rule counts equal the expected files (written from the reference
 * reducer) and the reference reducer itself.
 */
import { compileBook } from "@hvm/ir";
import { runCompiled } from "@hvm/runtime-cpu";
import { parseBook, printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import { createWebGpuRuntime } from "../src/index.js";
import { SCHEDULES, TEST_MEMORY, gpu } from "./gpu.js";

const corpus = loadCorpus();

describe.skipIf(!gpu).each(SCHEDULES)("webgpu runtime on the corpus (%s)", (_, kernel) => {
  const rt = gpu ? createWebGpuRuntime({ device: gpu.device, adapterInfo: gpu.adapterInfo, kernel }) : undefined;

  for (const prog of corpus.filter((p) => !p.heavy)) {
    it(prog.name, async () => {
      const book = parseBook(prog.source, prog.file);
      const res = await rt!.run(book, { memory: TEST_MEMORY });
      expect(printNet(res.net)).toBe(prog.expected.normalForm);
      expect(res.stats.byRule).toEqual(prog.expected.byRule);
      expect(res.stats.interactions).toBe(prog.expected.rwts);
      const ref = runCompiled(compileBook(book));
      expect(printNet(res.net)).toBe(printNet(ref.net));
      expect(res.stats.byRule).toEqual(ref.stats.byRule);
    });
  }
});
