/**
 * Test helpers: the built binary (rebuilt when any workspace source is newer
 * than it), a synchronous runner, and the output without its timing lines.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../src/terminal.js";

export const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = resolve(CLI_DIR, "..", "..");
export const CLI = join(CLI_DIR, "dist", "cli.js");
export const FIXTURES = join(CLI_DIR, "tests", "fixtures");
export const EXAMPLES = join(REPO, "examples");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Build dist/cli.js when it is missing or older than any package's src/. */
export function ensureBuilt(): void {
  const packages = join(REPO, "packages");
  let newest = statSync(join(CLI_DIR, "package.json")).mtimeMs;
  for (const pkg of readdirSync(packages)) {
    const src = join(packages, pkg, "src");
    if (existsSync(src)) newest = Math.max(newest, newestSource(src));
  }
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest) return;
  const tmp = join(CLI_DIR, "dist", `cli.${process.pid}.${Date.now()}.js`);
  const r = spawnSync(process.execPath, ["build.mjs", tmp], { cwd: CLI_DIR, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
  renameSync(tmp, CLI);
  if (existsSync(`${tmp}.map`)) renameSync(`${tmp}.map`, `${CLI}.map`);
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built CLI with `args` from the repository root. */
export function cli(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stdout without the TIME and MIPS lines: what a .expected file holds. */
export const withoutTiming = (stdout: string): string =>
  stdout
    .split("\n")
    .filter((l) => !l.startsWith("TIME   :") && !l.startsWith("MIPS   :"))
    .join("\n");

/** A stack trace line, which user-facing errors must never contain. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** An Io that collects what a command writes, for in-process runs of `main`. */
export function captureIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}
