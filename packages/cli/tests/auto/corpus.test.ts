/**
 * Handing over at many points of every light corpus program: with a
 * one-interaction probe, checks every k interactions and a width rule that
 * calls any net with a live redex wide, the partly reduced net goes
 * to an engine (the reference again) at the first chance (no trials). The normal form
 * and the per-rule counts must still be the program's.
 */
import { parseBook, printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../../examples/corpus.js";
import { type AutoStats, createAutoRuntime } from "../../src/auto/runtime.js";
import { recording } from "./programs.js";

const corpus = loadCorpus().filter((p) => !p.heavy);
const EAGER = { live: 1, trials: 0, trialInteractions: 1, big: 0 };
const handedPrograms = new Set<string>();

describe("auto hands every light corpus program over without changing its result", () => {
  for (const p of corpus) {
    it(p.name, async () => {
      const handed: number[] = [];
      for (const checkEvery of [1, 7, 50, 1000]) {
        const rt = createAutoRuntime({ engine: async () => recording("engine", []), probe: 1, checkEvery, width: EAGER });
        const r = await rt.run(parseBook(p.source, p.file));
        await rt.dispose();
        expect(printNet(r.net), `every ${checkEvery}`).toBe(p.expected.normalForm);
        expect(r.stats.byRule, `every ${checkEvery}`).toEqual(p.expected.byRule);
        expect(r.stats.interactions).toBe(p.expected.rwts);
        const auto = (r.stats as AutoStats).auto;
        if (auto.runtimes.length > 1) {
          handed.push(auto.reference);
          handedPrograms.add(p.name);
        }
      }
      if (p.expected.rwts > 2_000) expect(handed.length, "handed over at least once").toBeGreaterThan(0);
    });
  }

  it("handed most of them over at some point", () => {
    expect(handedPrograms.size).toBeGreaterThanOrEqual(corpus.length / 2);
  });
});
