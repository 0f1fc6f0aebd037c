import { describe, expect, it } from "vitest";
import { checksum } from "../src/checksum.js";

describe("checksum", () => {
  it("is FNV-1a 64 in 16 hex digits", () => {
    expect(checksum("")).toBe("cbf29ce484222325");
    expect(checksum("a")).toBe("af63dc4c8601ec8c");
    expect(checksum("foobar")).toBe("85944171f73967e8");
  });
});
