/**
 * hvm-lang through the CLI: `compile` prints (or writes) the book of a .hvm
 * program, the book runs to the same normal form, and `run --net` shows a
 * .hvm program's raw normal-form net instead of the term.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, STACK_LINE, cli, ensureBuilt, withoutTiming } from "../helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "hvm-compile-"));

beforeAll(() => ensureBuilt());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("hvm-cli compile", () => {
  it("prints the compiled book", () => {
    const r = cli("compile", "examples/lang/add.hvm");
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "@main = a\n  & #16777219 ~ <#2 a>\n", ""]);
  });

  it("writes the book with --output, and the book runs to the program's result", () => {
    const out = join(tmp, "sum-fib.hvmc");
    const r = cli("compile", "examples/lang/sum-fib.hvm", "-o", out);
    expect([r.status, r.stdout]).toEqual([0, `${out}: 12 definitions\n`]);
    const ran = cli("run", out, "-s");
    const expected = readFileSync(join(EXAMPLES, "lang", "sum-fib.expected"), "utf8");
    expect(withoutTiming(ran.stdout)).toBe(expected.replace(/^11815\n/, "#11815\n"));
  });

  it("reports every problem located in the source, exit 1, no stack trace", () => {
    const file = join(tmp, "bad.hvm");
    writeFileSync(file, "(Sum Nil) = 0\nmain = (Sum (Cons 1 Nil) y)\n");
    const r = cli("compile", file);
    expect([r.status, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(
      [
        `${file}:1:1: error[E_NON_EXHAUSTIVE]: non-exhaustive equations for Sum: no equation matches Cons in argument 1; add an equation for it or a variable/_ case`,
        "(Sum Nil) = 0",
        "^^^^^^^^^^^^^",
        `${file}:2:26: error[E_VAR_UNBOUND]: unbound variable y`,
        "main = (Sum (Cons 1 Nil) y)",
        "                         ^",
        "",
      ].join("\n"),
    );
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("refuses a .hvmc book with a usage error", () => {
    const r = cli("compile", "examples/op-add.hvmc");
    expect([r.status, r.stderr]).toEqual([2, "error: compile takes an hvm-lang program (.hvm); examples/op-add.hvmc is not one\n"]);
  });
});

describe("hvm-cli run --net on .hvm programs", () => {
  it("prints the raw normal-form net instead of the term", () => {
    expect(cli("run", "examples/lang/sort.hvm").stdout).toBe("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
    expect(cli("run", "examples/lang/merge-sort.hvm", "--net").stdout).toMatch(/^\(\(\(\(#42 \(\(\(#89 /);
    expect(cli("run", "examples/lang/add.hvm", "--net").stdout).toBe("#5\n");
  });
});
