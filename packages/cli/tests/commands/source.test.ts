import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../../examples/corpus.js";
import { main } from "../../src/main.js";
import { EXAMPLES, FIXTURES, captureIo, cli, ensureBuilt, withoutTiming } from "../helpers.js";

const CANONICAL = "@main = (a a)\n@many = ((a b) (c @many))\n  & @main ~ (a d)\n  & c ~ [d b]\n";
const tmp = mkdtempSync(join(tmpdir(), "hvm-fmt-"));

beforeAll(() => ensureBuilt());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

  it("accepts every corpus program", async () => {
    for (const p of loadCorpus()) {
      const io = captureIo();
      expect(await main(["check", p.file], io), p.name).toBe(0);
      expect(io.err, p.name).toEqual([]);
    }
  });
});

describe("hvm-cli fmt", () => {
  it("prints the canonical form: variables renamed in order, one redex a line", () => {
    const r = cli("fmt", join(FIXTURES, "unformatted.hvmc"));
    expect([r.status, r.stdout, r.stderr]).toEqual([0, CANONICAL, ""]);
  });

  it("--write rewrites the file, and a second run leaves it unchanged", () => {
    const file = join(tmp, "prog.hvmc");
    copyFileSync(join(FIXTURES, "unformatted.hvmc"), file);
    expect(cli("fmt", file, "--write").stdout).toBe(`${file}: formatted\n`);
    expect(readFileSync(file, "utf8")).toBe(CANONICAL);
    expect(cli("fmt", file, "--write").stdout).toBe(`${file}: unchanged\n`);
  });

  it("is a fixed point on a corpus program", () => {
    const once = cli("fmt", "examples/scott-tree.hvmc").stdout;
    const file = join(tmp, "tree.hvmc");
    copyFileSync(join(EXAMPLES, "scott-tree.hvmc"), file);
    cli("fmt", file, "--write");
    expect(readFileSync(file, "utf8")).toBe(once);
    expect(cli("fmt", file).stdout).toBe(once);
  });

  it("keeps the meaning of every light corpus program: the formatted file runs to the same output", async () => {
    for (const p of loadCorpus().filter((q) => !q.heavy)) {
      const fmt = captureIo();
      expect(await main(["fmt", p.file], fmt), p.name).toBe(0);
      const file = join(tmp, `${p.name}.hvmc`);
      writeFileSync(file, fmt.out.join(""));
      const run = captureIo();
      expect(await main(["run", file, "-s"], run), p.name).toBe(0);
      expect(withoutTiming(run.out.join("")), p.name).toBe(readFileSync(p.file.replace(/\.hvmc$/, ".expected"), "utf8"));
    }
  });

  it("keeps the comments of the source, above the definitions they were in or before", () => {
    const source = readFileSync(join(EXAMPLES, "heavy-tree-sum.hvmc"), "utf8");
    const r = cli("fmt", join(EXAMPLES, "heavy-tree-sum.hvmc"));
    const comments = source.split("\n").filter((l) => l.startsWith("//"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${comments.join("\n")}\n@main = a\n  & @sum ~ (#22 a)\n@sum = (?(#1 @sumS) a a)\n@sumS = ([a b] c)\n  & @sum ~ (a d)\n  & @sum ~ (b e)\n  & #1 ~ <d <e c>>\n`);
  });

  it("refuses a program with errors", () => {
    const r = cli("fmt", join(FIXTURES, "syntax.hvmc"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[E_SYNTAX]");
  });
});
