/**
 * The hvm-lang programs of the suite: which ones each suite holds, how they
 * are compiled and sized, and that a run on the reference reducer is checked
 * against the .expected file (term, interactions, per-rule counts), a wrong
 * expected value giving WRONG.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printNet } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { checksum } from "../src/checksum.js";
import { bookSize, langProgram, listedNames, loadLangPrograms } from "../src/lang.js";
import { runCase } from "../src/measure.js";
import { loadPrograms } from "../src/programs.js";
import { OPTIONS } from "./fixtures.js";

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples");
const LANG = path.join(EXAMPLES, "lang");
const SORT_RULES = { ANNI: 548, COMM: 62, ERAS: 83, DREF: 157, OPER: 155 };

describe("the hvm-lang programs of each suite", () => {
  it("full: the programs of examples/lang/heavy.txt, heavy-bitonic among them", () => {
    const names = loadLangPrograms({ examples: EXAMPLES, quick: false, big: false }).map((p) => p.name);
    expect(names).toEqual(listedNames(path.join(LANG, "heavy.txt")).map((n) => `lang/${n}`));
    expect(names).toEqual(["lang/heavy-bitonic"]);
  });

  it("quick: the programs of examples/lang/quick.txt (bitonic)", () => {
    expect(loadLangPrograms({ examples: EXAMPLES, quick: true, big: false }).map((p) => p.name)).toEqual(["lang/bitonic"]);
  });

  it("big: adds examples/lang/bench/*.hvm", () => {
    expect(loadLangPrograms({ examples: EXAMPLES, quick: false, big: true }).map((p) => p.name)).toEqual([
      "lang/heavy-bitonic",
      "lang/bitonic-2p18",
      "lang/tree-sum-22",
      "lang/tree-sum-24",
    ]);
  });

  it("loadPrograms puts them after the .hvmc corpus, with origin lang", () => {
    const full = loadPrograms({ dir: EXAMPLES, quick: false, big: false });
    expect(full.filter((p) => p.origin === "lang").map((p) => p.name)).toEqual(["lang/heavy-bitonic"]);
    expect(full.at(-1)?.name).toBe("lang/heavy-bitonic");
    const quick = loadPrograms({ dir: EXAMPLES, quick: true, big: false });
    expect(quick.map((p) => `${p.origin}:${p.name}`)).toEqual(["corpus:sum-tree", "lang:lang/bitonic"]);
  });
});

describe("langProgram", () => {
  it("compiles a program and takes its reference from the .expected file", () => {
    const p = langProgram(LANG, "bitonic");
    expect(p.origin).toBe("lang");
    expect(p.expected).toBe("[523776, 1]");
    expect(p.expectedInteractions).toBe(3_234_193);
    expect(p.expectedByRule).toEqual({ ANNI: 1_299_917, COMM: 330_235, ERAS: 1_056_745, DREF: 270_324, OPER: 276_972 });
    expect(p.size).toEqual({ defs: 36, nodes: 295 });
    expect(p.size).toEqual(bookSize(p.book));
  });

  it("sizes the heavy and GPU-sized programs", () => {
    expect(langProgram(LANG, "heavy-bitonic").size).toEqual({ defs: 36, nodes: 295 });
    const big = path.join(LANG, "bench");
    expect(langProgram(big, "bitonic-2p18").size).toEqual({ defs: 36, nodes: 295 });
    expect(langProgram(big, "tree-sum-22").size).toEqual({ defs: 7, nodes: 40 });
    expect(langProgram(big, "tree-sum-22").expectedInteractions).toBe(209_715_166);
  });

  it("names the program in a load error", () => {
    expect(() => langProgram(LANG, "missing")).toThrow(/^benchmark program lang\/missing cannot be loaded: /);
  });
});

describe("a run of an hvm-lang program on the reference reducer", () => {
  let dir: string;
  const expectedFile = (term: string, rwts: number, rules: Record<string, number>): string =>
    `${term}\nRWTS   : ${rwts}\n${Object.entries(rules).map(([k, n]) => `- ${k} : ${n}`).join("\n")}\n`;
  const variant = (name: string, text: string): void => {
    copyFileSync(path.join(LANG, "sort.hvm"), path.join(dir, `${name}.hvm`));
    writeFileSync(path.join(dir, `${name}.expected`), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hvm-bench-lang-"));
    variant("sort", readFileSync(path.join(LANG, "sort.expected"), "utf8"));
    variant("wrong-term", expectedFile("[0, 1, 2, 3, 4, 5, 6, 7, 9, 8]", 1005, SORT_RULES));
    variant("wrong-count", expectedFile("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", 1006, { ...SORT_RULES, OPER: 156 }));
    variant("wrong-rules", expectedFile("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", 1005, { ...SORT_RULES, ANNI: 547, COMM: 63 }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (name: string) => {
    const rt = createCpuRuntime();
    try {
      return await runCase(rt, "cpu", langProgram(dir, name), OPTIONS, printNet);
    } finally {
      await rt.dispose();
    }
  };

  it("matches the read-back term and the exact counts", async () => {
    const r = await run("sort");
    expect(r.status).toBe("ok");
    expect(r.interactions).toBe(1005);
    expect(r.byRule).toEqual(SORT_RULES);
    expect(r.checksum).toBe(checksum("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"));
    expect(r.seconds.n).toBe(3);
  });

  it("a wrong expected term is WRONG", async () => {
    const r = await run("wrong-term");
    expect(r.status).toBe("WRONG");
    expect(r.reason).toBe(
      `normal form differs from the reference (checksum ${checksum("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")}, expected ${checksum("[0, 1, 2, 3, 4, 5, 6, 7, 9, 8]")})`,
    );
    expect(r.interactionsPerSecond).toBe(0);
  });

  it("a wrong expected interaction count is WRONG", async () => {
    const r = await run("wrong-count");
    expect([r.status, r.reason]).toEqual(["WRONG", "1005 interactions, the reference reports 1006"]);
  });

  it("wrong expected per-rule counts are WRONG", async () => {
    const r = await run("wrong-rules");
    expect([r.status, r.reason]).toEqual(["WRONG", "per-rule counts differ from the reference: ANNI 548 (expected 547), COMM 62 (expected 63)"]);
  });
});
