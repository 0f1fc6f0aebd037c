import { describe, expect, it } from "vitest";
import { num, type RunResult } from "@hvm/ir";
import { formatJson, formatResult, formatStats } from "../src/text.js";

const result: RunResult = {
  net: { root: num(12), redexes: [] },
  stats: { interactions: 5, byRule: { ANNI: 0, COMM: 0, ERAS: 0, DREF: 1, OPER: 4 }, seconds: 0.0404, mips: 27.854, peakNodes: 3 },
};

describe("output formats", () => {
  it("prints the stats one per line, TIME with 3 decimals and MIPS with 2", () => {
    expect(formatStats(result.stats)).toBe(
      ["RWTS   : 5", "- ANNI : 0", "- COMM : 0", "- ERAS : 0", "- DREF : 1", "- OPER : 4", "TIME   : 0.040 s", "MIPS   : 27.85"].join("\n"),
    );
  });

  it("prints the normal form first, alone without --stats", () => {
    expect(formatResult(result, false)).toBe("#12\n");
    expect(formatResult(result, true).startsWith("#12\nRWTS   : 5\n")).toBe(true);
  });

  it("prints one JSON object", () => {
    expect(JSON.parse(formatJson(result, "cpu"))).toEqual({ normalForm: "#12", stats: result.stats, runtime: "cpu" });
  });
});
