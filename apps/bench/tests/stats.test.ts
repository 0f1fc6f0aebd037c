import { describe, expect, it } from "vitest";
import { median, summarize } from "../src/stats.js";
import { checksum } from "../src/checksum.js";
import { formatCount, formatPercent, formatRate, formatSeconds } from "../src/format.js";

describe("median and summarize", () => {
  it("takes the middle sample, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("reports min, max and spread relative to the median", () => {
    expect(summarize([2, 4, 3])).toEqual({ n: 3, median: 3, min: 2, max: 4, spread: 2 / 3 });
    expect(summarize([5])).toEqual({ n: 1, median: 5, min: 5, max: 5, spread: 0 });
    expect(summarize([]).n).toBe(0);
  });
});

describe("checksum", () => {
  it("is FNV-1a 64 in 16 hex digits", () => {
    expect(checksum("")).toBe("cbf29ce484222325");
    expect(checksum("a")).toBe("af63dc4c8601ec8c");
    expect(checksum("foobar")).toBe("85944171f73967e8");
  });
});

describe("formatting", () => {
  it("prints rates with metric prefixes and whole decades without decimals", () => {
    expect(formatRate(12_345_678)).toBe("12.35 M/s");
    expect(formatRate(1e7)).toBe("10 M/s");
    expect(formatRate(250_000)).toBe("250 k/s");
    expect(formatRate(2.5e9)).toBe("2.50 G/s");
    expect(formatRate(42)).toBe("42 /s");
    expect(formatRate(0)).toBe("-");
  });

  it("prints seconds, counts and spreads", () => {
    expect(formatSeconds(0.000_25)).toBe("250 µs");
    expect(formatSeconds(0.005)).toBe("5.00 ms");
    expect(formatSeconds(0.1234)).toBe("123.4 ms");
    expect(formatSeconds(2.5)).toBe("2.50 s");
    expect(formatCount(1_114_101)).toBe("1,114,101");
    expect(formatPercent(0.1)).toBe("±5.0%");
  });
});
