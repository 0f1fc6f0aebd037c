import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, formatRate, formatSeconds } from "../src/format.js";

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
