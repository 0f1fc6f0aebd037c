import { readFileSync, readdirSync } from "node:fs";
import { printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { afterAll, describe, expect, it } from "vitest";
import { createCpuRuntime } from "../../src/index.js";
import { createParallelCpuRuntime } from "../../src/parallel/node/index.js";

const dir = new URL("../../../../examples/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".hvmc") && !f.startsWith("heavy"));
const par = createParallelCpuRuntime({ threads: 2 });
const ref = createCpuRuntime();
afterAll(() => par.dispose());

describe("smoke", () => {
  for (const f of files) {
    it(f, async () => {
      const book = parseBook(readFileSync(new URL(f, dir), "utf8"));
      const a = await ref.run(book);
      const b = await par.run(book);
      expect(printNet(b.net)).toBe(printNet(a.net));
      expect(b.stats.byRule).toEqual(a.stats.byRule);
    });
  }
});
