/**
 * The whole example corpus, through the built binary and through the library
 * API: canonical normal form and exact per-rule counts.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { RULE_CLASSES } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { parseBook, printNet } from "@hvm/syntax";
import { loadCorpus } from "../../../examples/corpus.js";
import { cli, ensureBuilt, withoutTiming } from "./helpers.js";

const corpus = loadCorpus();

beforeAll(() => ensureBuilt());

describe("the corpus", () => {
  it("has at least 24 programs, at least 3 of them heavy, with their counts summing to RWTS", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(24);
    expect(corpus.filter((p) => p.heavy).length).toBeGreaterThanOrEqual(3);
    for (const p of corpus) {
      const sum = RULE_CLASSES.reduce((s, r) => s + p.expected.byRule[r], 0);
      expect(sum, p.name).toBe(p.expected.rwts);
    }
  });

  it("marks the programs of heavy.txt heavy and each of them is over 50M interactions", () => {
    for (const p of corpus.filter((q) => q.heavy)) expect(p.expected.rwts, p.name).toBeGreaterThan(50_000_000);
  });
});

describe("hvm-cli run -s on every corpus program", () => {
  for (const p of corpus) {
    it(`${p.name}${p.heavy ? " (heavy)" : ""}`, () => {
      const r = cli("run", p.file, "-s");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(withoutTiming(r.stdout)).toBe(readFileSync(p.file.replace(/\.hvmc$/, ".expected"), "utf8"));
      expect(r.stdout).toMatch(/\nTIME {3}: \d+\.\d{3} s\nMIPS {3}: \d+\.\d{2}\n$/);
    });
  }
});

describe("createCpuRuntime on every light corpus program", () => {
  for (const p of corpus.filter((q) => !q.heavy)) {
    it(p.name, async () => {
      const runtime = createCpuRuntime();
      const result = await runtime.run(parseBook(p.source, p.file));
      await runtime.dispose();
      expect(printNet(result.net)).toBe(p.expected.normalForm);
      expect(result.stats.byRule).toEqual(p.expected.byRule);
      expect(result.stats.interactions).toBe(p.expected.rwts);
    });
  }
});
