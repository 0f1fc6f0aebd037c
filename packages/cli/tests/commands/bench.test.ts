import { beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt } from "../helpers.js";

beforeAll(() => ensureBuilt());

describe("hvm-cli bench", () => {
  it("prints a row per program and runtime with interactions and MIPS", () => {
    const r = cli("bench", "examples/tree-sum-3.hvmc", "examples/fib.hvmc", "--repeat", "2");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^program\s+runtime\s+interactions\s+seconds\s+MIPS$/);
    expect(lines[1]).toMatch(/^tree-sum-3\s+cpu\s+125\s+\d+\.\d{3}\s+\d+\.\d{2}$/);
    expect(lines[2]).toMatch(/^fib\s+cpu\s+2393\s+\d+\.\d{3}\s+\d+\.\d{2}$/);
  });

  it("--json with a runtime list gives one row each, all agreeing", () => {
    const r = cli("bench", "examples/op-add.hvmc", "--runtime", "cpu,cpu", "--json");
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ program: string; runtime: string; interactions: number; agrees: boolean }>;
    expect(rows.map((x) => [x.program, x.runtime, x.interactions, x.agrees])).toEqual([
      ["op-add", "cpu", 5, true],
      ["op-add", "cpu", 5, true],
    ]);
  });

  it("rejects an unknown runtime before running anything", () => {
    const r = cli("bench", "examples/op-add.hvmc", "--runtime", "cpu,quantum");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
  });
});
