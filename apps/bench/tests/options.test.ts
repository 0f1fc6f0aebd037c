import { describe, expect, it } from "vitest";
import { buildCommand, readOptions } from "../src/options.js";

const parse = (...args: string[]) => {
  const cmd = buildCommand().exitOverride().configureOutput({ writeErr: () => undefined });
  cmd.parse(args, { from: "user" });
  return readOptions(cmd);
};

describe("bench options", () => {
  it("takes --memory as a size like the CLI's", () => {
    expect(parse("--memory", "8G").bench.memory).toBe(8 * 1024 ** 3);
    expect(parse("--memory", "512M").bench.memory).toBe(512 * 1024 ** 2);
    expect(parse("--memory", "4096").bench.memory).toBe(4096);
    expect(parse().bench.memory).toBeUndefined();
  });

  it("refuses a size that is not one", () => {
    expect(() => parse("--memory", "8X")).toThrow(/expected a size like 512M, 4G/);
  });
});
