/**
 * `.hvm` programs through the CLI: `run` compiles them and prints the normal
 * form read back as a term (exactly as examples/lang/NAME.expected says),
 * `check` reports hvm-lang diagnostics, `fmt` refuses them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, cli, ensureBuilt, withoutTiming } from "../helpers.js";

beforeAll(() => ensureBuilt());

const expected = (name: string): string => readFileSync(join(EXAMPLES, "lang", `${name}.expected`), "utf8");

describe("hvm-cli on .hvm programs", () => {
  it("run prints the term", () => {
    const r = cli("run", "examples/lang/add.hvm");
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "5\n", ""]);
  });

  it("run -s prints the term and the per-rule counts of examples/lang/sort.expected", () => {
    const r = cli("run", "examples/lang/sort.hvm", "-s");
    expect(r.status).toBe(0);
    expect(withoutTiming(r.stdout)).toBe(expected("sort"));
  });

  it("--json carries the term as the normal form", () => {
    const r = cli("run", "examples/lang/add.hvm", "--json");
    expect((JSON.parse(r.stdout) as { normalForm: string }).normalForm).toBe("5");
  });

  it("check accepts a program and counts its compiled definitions", () => {
    const r = cli("check", "examples/lang/add.hvm");
    expect([r.status, r.stdout]).toEqual([0, "examples/lang/add.hvm: ok (1 definition)\n"]);
  });

  it("fmt refuses a .hvm program with a usage error", () => {
    const r = cli("fmt", "examples/lang/add.hvm");
    expect([r.status, r.stderr]).toEqual([2, "error: fmt formats .hvmc books; examples/lang/add.hvm is a .hvm program\n"]);
  });
});
