/**
 * Bad input, one test per error code: the message, the exit code (1 for the
 * program or the runtime, 2 for the command line), and no stack trace.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, FIXTURES, STACK_LINE, cli, ensureBuilt, type CliRun } from "./helpers.js";

beforeAll(() => ensureBuilt());

const fixture = (name: string): string => join("packages", "cli", "tests", "fixtures", `${name}.hvmc`);
const example = (name: string): string => join(EXAMPLES, `${name}.hvmc`);

function expectFailure(r: CliRun, status: number, stderr: string | RegExp): void {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe("");
  if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
  else expect(r.stderr).toMatch(stderr);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

describe("program errors exit with 1 and a located message", () => {
  it("E_SYNTAX: file:line:col, the source line and a caret", () => {
    const f = fixture("syntax");
    expectFailure(cli("run", f), 1, `${f}:3:3: error[E_SYNTAX]: expected a tree, found '&'\n  & #1 ~ <#2 a>\n  ^\n`);
  });

  it("E_VAR_UNBOUND: every unbound variable at once", () => {
    const f = fixture("unbound");
    const line = "@main = (a b)";
    expectFailure(
      cli("run", f),
      1,
      `${f}:1:10: error[E_VAR_UNBOUND]: unbound variable 'a': it occurs once, every variable must occur exactly twice\n${line}\n         ^\n` +
        `${f}:1:12: error[E_VAR_UNBOUND]: unbound variable 'b': it occurs once, every variable must occur exactly twice\n${line}\n           ^\n`,
    );
  });

  it("E_VAR_THRICE", () => {
    const f = fixture("thrice");
    expectFailure(
      cli("run", f),
      1,
      `${f}:1:15: error[E_VAR_THRICE]: variable 'a' occurs 3 times, every variable must occur exactly twice (use a DUP node to share it)\n@main = (a (a a))\n              ^\n`,
    );
  });

  it("E_VAR_LOOP", () => {
    const f = fixture("loop");
    expectFailure(cli("run", f), 1, new RegExp(`^${f}:2:3: error\\[E_VAR_LOOP\\]: variable 'a' is used on both sides of var ~ var redexes that close on themselves`));
  });

  it("E_REF_UNKNOWN", () => {
    const f = fixture("unknown-ref");
    expectFailure(cli("run", f), 1, `${f}:1:10: error[E_REF_UNKNOWN]: unknown reference @nowhere\n@main = (@nowhere *)\n         ^^^^^^^^\n`);
  });

  it("E_DEF_DUPLICATE", () => {
    const f = fixture("duplicate");
    expectFailure(cli("run", f), 1, `${f}:3:1: error[E_DEF_DUPLICATE]: duplicate definition @helper (first defined at line 2)\n@helper = #1\n^^^^^^^\n`);
  });

  it("E_LABEL_RANGE", () => {
    const f = fixture("label");
    expectFailure(cli("run", f), 1, `${f}:1:9: error[E_LABEL_RANGE]: label 6 out of range: labels are 0..5\n@main = {6 a a}\n        ^^^^^^^\n`);
  });

  it("E_NUM_RANGE", () => {
    const f = fixture("number");
    expectFailure(
      cli("run", f),
      1,
      `${f}:1:9: error[E_NUM_RANGE]: number 268435456 out of range: numbers are 0..268435455 (2^28 - 1)\n@main = #0x10000000\n        ^^^^^^^^^^^\n`,
    );
  });

  it("E_ENTRY_MISSING: no @main, and a named --entry that does not exist", () => {
    const f = fixture("no-main");
    expectFailure(cli("run", f), 1, `${f}: error[E_ENTRY_MISSING]: missing entry: no definition @main; definitions: @start\n`);
    expectFailure(cli("run", f, "--entry", "other"), 1, `${f}: error[E_ENTRY_MISSING]: missing entry: no definition @other; definitions: @start\n`);
    const ok = cli("run", f, "--entry", "start");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("#1\n");
  });

  it("check reports every error and counts them", () => {
    const f = fixture("unbound");
    const r = cli("check", f);
    expect(r.status).toBe(1);
    expect(r.stderr.endsWith("\n2 errors\n")).toBe(true);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe("runtime errors exit with 1", () => {
  it("E_OUT_OF_MEMORY via --memory", () => {
    expectFailure(cli("run", example("rec-sum-10"), "--memory", "64"), 1, "error[E_OUT_OF_MEMORY]: out of memory: 8 nodes (64 B) are not enough, raise --memory\n");
  });

  it("E_INTERACTION_LIMIT via --max-interactions", () => {
    expectFailure(
      cli("run", example("sum-tree"), "--max-interactions", "1000"),
      1,
      "error[E_INTERACTION_LIMIT]: interaction limit reached: 1000 interactions without a normal form, raise --max-interactions\n",
    );
  });

  it("--max-interactions equal to the exact count still succeeds", () => {
    const r = cli("run", example("op-add"), "--max-interactions", "5");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("#12\n");
  });

  it("E_TYPE_PAIR when two numeric nodes meet", () => {
    expectFailure(cli("run", fixture("type-error")), 1, "error[E_TYPE_PAIR]: type error: OP2 ~ MAT has no interaction rule (two numeric nodes met)\n");
  });

  it("a missing file", () => {
    const f = join(FIXTURES, "does-not-exist.hvmc");
    expectFailure(cli("run", f), 1, `error[E_FILE]: cannot read ${f}: no such file\n`);
    expectFailure(cli("check", f), 1, `error[E_FILE]: cannot read ${f}: no such file\n`);
    expectFailure(cli("fmt", f), 1, `error[E_FILE]: cannot read ${f}: no such file\n`);
  });

  it("a directory instead of a file", () => {
    expectFailure(cli("run", FIXTURES), 1, `error[E_FILE]: cannot read ${FIXTURES}: it is a directory\n`);
  });
});

describe("usage errors exit with 2", () => {
  const usage = "(run with --help for usage)\n";
  it("an unknown flag", () => {
    expectFailure(cli("run", example("op-add"), "--bogus"), 2, `error: unknown option '--bogus'\n${usage}`);
  });

  it("an unknown command", () => {
    expectFailure(cli("frobnicate"), 2, `error: unknown command 'frobnicate'\n${usage}`);
  });

  it("a missing argument", () => {
    expectFailure(cli("run"), 2, `error: missing required argument 'file'\n${usage}`);
  });

  it("a bad --memory value", () => {
    expectFailure(
      cli("run", example("op-add"), "--memory", "12X"),
      2,
      `error: option '-m, --memory <size>' argument '12X' is invalid. expected a size like 512K, 512M, 4G or a number of bytes (8 at least, one node), got '12X'\n${usage}`,
    );
  });

  it("a bad --max-interactions value", () => {
    expectFailure(
      cli("run", example("op-add"), "--max-interactions", "many"),
      2,
      `error: option '--max-interactions <n>' argument 'many' is invalid. expected a positive integer, got 'many'\n${usage}`,
    );
  });

  it("an unknown runtime", () => {
    expectFailure(cli("run", example("op-add"), "--runtime", "quantum"), 2, /^error: unknown runtime 'quantum'; available: cpu/);
  });
});
