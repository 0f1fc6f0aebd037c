/**
 * The built CLI as npm installs it, in a folder of its own: chevrotain is
 * inside the bundle, and Dawn (the `webgpu` package) is loaded only when a
 * GPU is asked for, so the CPU runtimes work where Dawn cannot be loaded.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_DIR, EXAMPLES, STACK_LINE, ensureBuilt, withoutTiming } from "./helpers.js";

let dir = "";

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "hvm-cli-bundle-"));
  for (const f of ["cli.js", "cpu-parallel-worker.js"]) copyFileSync(join(CLI_DIR, "dist", f), join(dir, f));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(realpathSync(join(CLI_DIR, "node_modules", "commander")), join(dir, "node_modules", "commander"), "dir");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, "cli.js"), ...args], { encoding: "utf8" });

describe("the bundled CLI with commander as its only installed dependency (no webgpu, no chevrotain)", () => {
  it("parses and reduces on the CPU runtimes", () => {
    for (const runtime of ["cpu", "cpu-parallel"]) {
      const r = run("run", join(EXAMPLES, "fib.hvmc"), "--runtime", runtime, "--stats");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(withoutTiming(r.stdout)).toBe(readFileSync(join(EXAMPLES, "fib.expected"), "utf8"));
    }
  });

  it("reports a syntax error with its caret (the bundled parser)", () => {
    const r = run("check", join(CLI_DIR, "tests", "fixtures", "syntax.hvmc"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/syntax\.hvmc:3:3: error\[E_SYNTAX\]: expected a tree, found '&'\n {2}& #1 ~ <#2 a>\n {2}\^\n/);
  });

  it("says why WebGPU is unavailable instead of failing at start-up", () => {
    for (const args of [["gpus"], ["run", join(EXAMPLES, "fib.hvmc"), "--runtime", "webgpu"]]) {
      const r = run(...args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error\[E_DEVICE\]: WebGPU error while loading Dawn \(the webgpu package\): Cannot find package 'webgpu'.*; the CPU runtimes \(--runtime cpu, cpu-parallel\) do not need it\n$/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
