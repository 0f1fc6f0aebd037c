import { describe, expect, it } from "vitest";
import { NODE_BYTES, parseMemorySize } from "../src/index.js";

describe("parseMemorySize", () => {
  it("reads bytes and binary units, with an optional B or iB", () => {
    expect(parseMemorySize("1048576")).toBe(1048576);
    expect(parseMemorySize("512K")).toBe(512 * 1024);
    expect(parseMemorySize("512m")).toBe(512 * 1024 ** 2);
    expect(parseMemorySize("4G")).toBe(4 * 1024 ** 3);
    expect(parseMemorySize("1.5GiB")).toBe(1.5 * 1024 ** 3);
    expect(parseMemorySize(" 2 TB ")).toBe(2 * 1024 ** 4);
    expect(parseMemorySize(String(NODE_BYTES))).toBe(NODE_BYTES);
  });

  it("refuses what is not a size, or less than one node", () => {
    for (const bad of ["", "G", "12X", "-4G", "4 G B", "1e9", "7", "0.5K0"]) expect(parseMemorySize(bad)).toBeUndefined();
  });
});
