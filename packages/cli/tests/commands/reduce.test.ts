import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_DIR, cli, ensureBuilt } from "../helpers.js";

beforeAll(() => ensureBuilt());

describe("hvm-cli run", () => {
  it("prints only the normal form without flags", () => {
    const r = cli("run", "examples/op-add.hvmc");
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "#12\n", ""]);
  });

  it("--json prints one object with the normal form, stats and runtime", () => {
    const r = cli("run", "examples/scott-list.hvmc", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { normalForm: string; runtime: string; stats: Record<string, unknown> };
    expect(out.normalForm).toBe("#6");
    expect(out.runtime).toBe("cpu");
    expect(out.stats.interactions).toBe(46);
    expect(out.stats.byRule).toEqual({ ANNI: 18, COMM: 0, ERAS: 4, DREF: 12, OPER: 12 });
    expect(Object.keys(out.stats).sort()).toEqual(["byRule", "interactions", "mips", "peakNodes", "seconds"]);
  });

  it("--entry picks another definition", () => {
    const r = cli("run", "examples/scott-tree.hvmc", "--entry", "t1");
    expect([r.status, r.stdout]).toEqual([0, "((#1 a) (* a))\n"]);
  });

  it("accepts --runtime cpu and a --memory size", () => {
    const r = cli("run", "examples/op-add.hvmc", "--runtime", "cpu", "--memory", "1M");
    expect([r.status, r.stdout]).toEqual([0, "#12\n"]);
  });
});

describe("hvm-cli help and version", () => {
  it("--help lists the commands and exits with 0", () => {
    const r = cli("--help");
    expect(r.status).toBe(0);
    for (const command of ["run", "check", "fmt", "bench"]) expect(r.stdout).toContain(`  ${command} `);
  });

  it("run --help lists every run flag", () => {
    const r = cli("run", "--help");
    expect(r.status).toBe(0);
    for (const flag of ["--stats", "--json", "--entry", "--memory", "--max-interactions", "--runtime"]) expect(r.stdout).toContain(flag);
  });

  it("--version prints the package version", () => {
    const r = cli("--version");
    const { version } = JSON.parse(readFileSync(join(CLI_DIR, "package.json"), "utf8")) as { version: string };
    expect([r.status, r.stdout]).toEqual([0, `${version}\n`]);
  });
});
