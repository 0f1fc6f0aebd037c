/**
 * `hvm-cli bench`: rows per program and runtime with the compiled size,
 * .hvmc and .hvm files, every run checked against NAME.expected (a wrong
 * expected value gives WRONG and exit 1) and across runtimes; the default
 * programs include the heavy hvm-lang corpus.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyByRule, num, printNet, type RunResult } from "@hvm/ir";
import { expectedFor, expectedText, firstDifference, heavyPrograms, type BenchRow } from "../../src/commands/bench.js";
import { EXAMPLES, cli, ensureBuilt } from "../helpers.js";

const SORTED = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";
const SWAPPED = "[0, 1, 2, 3, 4, 5, 6, 7, 9, 8]";
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(os.tmpdir(), "hvm-cli-bench-"));
  const sortExpected = readFileSync(join(EXAMPLES, "lang", "sort.expected"), "utf8");
  for (const name of ["wrong-term", "wrong-rules", "plain"]) copyFileSync(join(EXAMPLES, "lang", "sort.hvm"), join(tmp, `${name}.hvm`));
  writeFileSync(join(tmp, "wrong-term.expected"), sortExpected.replace(SORTED, SWAPPED));
  writeFileSync(join(tmp, "wrong-rules.expected"), sortExpected.replace("- ANNI : 548", "- ANNI : 547"));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rows = (stdout: string): BenchRow[] => JSON.parse(stdout) as BenchRow[];

describe("hvm-cli bench", () => {
  it("prints a row per program and runtime with its size, interactions, MIPS and check", () => {
    const r = cli("bench", "examples/tree-sum-3.hvmc", "examples/fib.hvmc", "examples/lang/sort.hvm", "--repeat", "2");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^program\s+defs\/nodes\s+runtime\s+interactions\s+seconds\s+MIPS\s+result$/);
    expect(lines[1]).toMatch(/^tree-sum-3\s+3\/10\s+cpu\s+125\s+\d+\.\d{3}\s+\d+\.\d{2}\s+ok$/);
    expect(lines[2]).toMatch(/^fib\s+4\/14\s+cpu\s+2393\s+\d+\.\d{3}\s+\d+\.\d{2}\s+ok$/);
    expect(lines[3]).toMatch(/^sort\s+10\/106\s+cpu\s+1005\s+\d+\.\d{3}\s+\d+\.\d{2}\s+ok$/);
    expect(lines).toHaveLength(4);
  });

  it("--json with a runtime list gives one row each, all agreeing and checked", () => {
    const r = cli("bench", "examples/op-add.hvmc", "examples/lang/bitonic.hvm", "--runtime", "cpu,cpu", "--json");
    expect(r.status).toBe(0);
    expect(rows(r.stdout).map((x) => [x.program, x.defs, x.nodes, x.runtime, x.interactions, x.check, x.agrees])).toEqual([
      ["op-add", 1, 2, "cpu", 5, "ok", true],
      ["op-add", 1, 2, "cpu", 5, "ok", true],
      ["bitonic", 36, 295, "cpu", 3_234_193, "ok", true],
      ["bitonic", 36, 295, "cpu", 3_234_193, "ok", true],
    ]);
  });

  it("a wrong expected term is WRONG, names the differing line and exits with 1", () => {
    const r = cli("bench", join(tmp, "wrong-term.hvm"), "--json");
    expect(r.status).toBe(1);
    expect(rows(r.stdout).map((x) => [x.program, x.check, x.reason])).toEqual([
      ["wrong-term", "WRONG", `line 1: got '${SORTED}', expected '${SWAPPED}'`],
    ]);
    expect(r.stderr).toContain(
      "error[E_BENCH_MISMATCH]: 1 program/runtime pair(s) differ from their .expected file (normal form, interaction count or per-rule counts)",
    );
  });

  it("wrong expected per-rule counts are WRONG in the table", () => {
    const r = cli("bench", join(tmp, "wrong-rules.hvm"));
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split("\n")[1]).toMatch(/^wrong-rules\s+10\/106\s+cpu\s+1005\s+\S+\s+\S+\s+WRONG \(line 3: got '- ANNI : 548', expected '- ANNI : 547'\)$/);
  });

  it("a program without a .expected file is measured and marked unchecked", () => {
    const r = cli("bench", join(tmp, "plain.hvm"), "--json");
    expect(r.status).toBe(0);
    expect(rows(r.stdout).map((x) => [x.program, x.interactions, x.check])).toEqual([["plain", 1005, "unchecked"]]);
  });

  it("rejects an unknown runtime before running anything", () => {
    const r = cli("bench", "examples/op-add.hvmc", "--runtime", "cpu,quantum");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
  });
});

describe("bench's programs and checks", () => {
  it("defaults to the heavy corpus in heavy.txt order, .hvmc then the hvm-lang programs", () => {
    const files = heavyPrograms();
    expect(files.map((f) => f.slice(EXAMPLES.length + 1))).toEqual([
      "heavy-tree-sum.hvmc",
      "heavy-chain.hvmc",
      "heavy-rec-sum.hvmc",
      "heavy-loops.hvmc",
      "lang/heavy-bitonic.hvm",
    ]);
  });

  it("finds NAME.expected next to .hvmc and .hvm files", () => {
    expect(expectedFor(join(EXAMPLES, "lang", "add.hvm"))).toBe("5\nRWTS   : 3\n- ANNI : 0\n- COMM : 0\n- ERAS : 0\n- DREF : 1\n- OPER : 2");
    expect(expectedFor(join(tmp, "plain.hvm"))).toBeUndefined();
    expect(expectedFor(join(tmp, "notes.txt"))).toBeUndefined();
  });

  it("writes a result in the .expected format and names the first differing line", () => {
    const result: RunResult = {
      net: { root: num(7), redexes: [] },
      stats: { interactions: 3, byRule: { ...emptyByRule(), DREF: 1, OPER: 2 }, seconds: 0.5, mips: 6e-6, peakNodes: 1 },
    };
    expect(expectedText(result, printNet)).toBe("#7\nRWTS   : 3\n- ANNI : 0\n- COMM : 0\n- ERAS : 0\n- DREF : 1\n- OPER : 2");
    expect(expectedText(result, () => "7").split("\n")[0]).toBe("7");
    expect(firstDifference("a\nb", "a\nc")).toBe("line 2: got 'b', expected 'c'");
    expect(firstDifference("a", "a\nc")).toBe("line 2: got 'end of output', expected 'c'");
  });
});
