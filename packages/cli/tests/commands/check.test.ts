import { beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt } from "../helpers.js";

beforeAll(() => ensureBuilt());

describe("hvm-cli check", () => {
  it("says ok with the number of definitions", () => {
    const r = cli("check", "examples/scott-list.hvmc");
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "examples/scott-list.hvmc: ok (7 definitions)\n", ""]);
  });

  it("checks the entry named by --entry", () => {
    const r = cli("check", "examples/op-add.hvmc", "--entry", "start");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("examples/op-add.hvmc: error[E_ENTRY_MISSING]: missing entry: no definition @start; definitions: @main\n1 error\n");
  });

  it("accepts every corpus program", () => {
    for (const name of ["fib", "church2", "refs-root", "free-op1"]) {
      const r = cli("check", `examples/${name}.hvmc`);
      expect(r.status, name).toBe(0);
    }
  });
});
