/**
 * The bundled form (what the CLI ships): the runtime bundled into one file
 * with the prebuilt worker next to it. A process that runs a failing program
 * and never calls dispose must still exit on its own: no thread is left.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREBUILT_WORKER } from "../../src/parallel/node/index.js";

const dir = mkdtempSync(join(tmpdir(), "hvm-cpu-parallel-"));
const src = (p: string): string => fileURLToPath(new URL(`../../src/parallel/${p}`, import.meta.url));

const SCRIPT = `
import { createParallelCpuRuntime } from ${JSON.stringify(src("node/index.ts"))};
const rt = createParallelCpuRuntime({ threads: 3 });
const clash = { defs: [{ name: "main", net: { root: { kind: "var", name: "r" }, redexes: [{
  left: { kind: "op2", left: { kind: "num", value: 1 }, right: { kind: "var", name: "r" } },
  right: { kind: "mat", left: { kind: "era" }, right: { kind: "era" } } }] } }] };
const ok = { defs: [{ name: "main", net: { root: { kind: "var", name: "r" }, redexes: [{
  left: { kind: "num", value: 0x1000003 },
  right: { kind: "op2", left: { kind: "num", value: 4 }, right: { kind: "var", name: "r" } } }] } }] };
const first = await rt.run(ok);
console.log("first", JSON.stringify(first.net.root), rt.liveThreads());
try { await rt.run(clash); } catch (e) { console.log("failed", e.name, rt.liveThreads()); }
`;

beforeAll(async () => {
  writeFileSync(join(dir, "main.ts"), SCRIPT);
  const common = { bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "silent" } as const;
  await build({ ...common, entryPoints: [join(dir, "main.ts")], outfile: join(dir, "main.mjs") });
  await build({ ...common, entryPoints: [src("node/worker.ts")], outfile: join(dir, PREBUILT_WORKER) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bundled runtime in a child process", () => {
  it("uses the prebuilt worker, reports the error, and exits without dispose", () => {
    const res = spawnSync(process.execPath, [join(dir, "main.mjs")], { encoding: "utf8", timeout: 60_000 });
    expect(res.error).toBeUndefined();
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`first {"kind":"num","value":7} 3\nfailed TypeErrorPair 0\n`);
    expect(res.status).toBe(0);
  });
});
