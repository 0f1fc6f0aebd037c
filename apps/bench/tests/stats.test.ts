import { describe, expect, it } from "vitest";
import { median, summarize } from "../src/stats.js";

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
