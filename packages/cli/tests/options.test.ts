import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseCount, parseList, parseMemory } from "../src/options.js";

describe("parseMemory", () => {
  it("reads bytes and binary K/M/G/T suffixes", () => {
    expect(parseMemory("1048576")).toBe(1048576);
    expect(parseMemory("512K")).toBe(512 * 1024);
    expect(parseMemory("512M")).toBe(512 * 1024 ** 2);
    expect(parseMemory("4G")).toBe(4 * 1024 ** 3);
    expect(parseMemory("1T")).toBe(1024 ** 4);
    expect(parseMemory("64m")).toBe(64 * 1024 ** 2);
    expect(parseMemory("2GiB")).toBe(2 * 1024 ** 3);
    expect(parseMemory("1.5K")).toBe(1536);
  });

  it("rejects what is not a size, and sizes under one node", () => {
    for (const bad of ["", "12X", "M", "-1", "4 G B", "7"]) expect(() => parseMemory(bad), bad).toThrow(InvalidArgumentError);
  });
});

describe("parseCount", () => {
  it("reads positive integers with separators and exponents", () => {
    expect(parseCount("1000")).toBe(1000);
    expect(parseCount("50_000_000")).toBe(50_000_000);
    expect(parseCount("5e7")).toBe(50_000_000);
  });

  it("rejects zero, fractions and words", () => {
    for (const bad of ["0", "1.5", "many", "", "-3"]) expect(() => parseCount(bad), bad).toThrow(InvalidArgumentError);
  });
});

describe("parseList", () => {
  it("splits on commas and accumulates repeated flags", () => {
    expect(parseList("cpu,webgpu", undefined)).toEqual(["cpu", "webgpu"]);
    expect(parseList("cpu-parallel", ["cpu"])).toEqual(["cpu", "cpu-parallel"]);
    expect(() => parseList(",", undefined)).toThrow(InvalidArgumentError);
  });
});
