/**
 * Where the worker's code comes from (Node edge).
 *
 * 1. A prebuilt worker next to this module: `cpu-parallel-worker.js`. The CLI
 *    bundle and the package build emit it beside the bundled runtime.
 * 2. Running from TypeScript sources (tests, tsx): `worker.ts` sits next to
 *    this module; it is bundled once per process with esbuild into a single
 *    CommonJS script and started with `eval: true`.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PREBUILT_WORKER = "cpu-parallel-worker.js";

export type WorkerScript = { kind: "file"; path: string } | { kind: "eval"; code: string };

let cached: Promise<WorkerScript> | undefined;

/** Locate (or build) the worker script once per process. */
export function workerScript(): Promise<WorkerScript> {
  cached ??= locate().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function locate(): Promise<WorkerScript> {
  const prebuilt = fileURLToPath(new URL(`./${PREBUILT_WORKER}`, import.meta.url));
  if (existsSync(prebuilt)) return { kind: "file", path: prebuilt };
  const source = fileURLToPath(new URL("./worker.ts", import.meta.url));
  if (!existsSync(source)) {
    throw new Error(`cpu-parallel: no worker script: neither ${prebuilt} nor ${source} exists; bundle ${"src/parallel/node/worker.ts"} as ${PREBUILT_WORKER} next to the runtime`);
  }
  const esbuildName = "esbuild";
  const esbuild = (await import(esbuildName)) as typeof import("esbuild");
  const out = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
  return { kind: "eval", code: out.outputFiles[0].text };
}
