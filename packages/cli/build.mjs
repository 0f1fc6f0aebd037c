// Bundles src/cli.ts and the @hvm/* workspace packages into dist/cli.js (ESM,
// platform node, with a shebang); npm dependencies stay external imports.
// chevrotain (the parser, through @hvm/syntax) is a devDependency and is
// bundled: its ESM build is hundreds of files, 0.6-0.9 s of start-up when
// imported, against 0.2 s for the whole CLI with it inside the bundle.
// `node build.mjs [outfile]` (default dist/cli.js); tests build to a temporary
// file and rename it, so parallel test files never see a half-written bundle.
// The cpu-parallel worker is a second entry point, bundled next to the CLI as
// cpu-parallel-worker.js: the runtime looks for it beside the bundle.
import { build } from "esbuild";
import { chmodSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const here = fileURLToPath(new URL(".", import.meta.url));
const outfile = process.argv[2] ? resolve(process.argv[2]) : resolve(here, "dist/cli.js");
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith("@hvm/"));

await build({
  entryPoints: [resolve(here, "src/cli.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: [...external, "webgpu"],
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: true,
  logLevel: "warning",
});
chmodSync(outfile, 0o755);

const workerSource = join(dirname(fileURLToPath(import.meta.resolve("@hvm/runtime-cpu/node"))), "worker.ts");
const workerOut = join(dirname(outfile), "cpu-parallel-worker.js");
const workerTmp = `${workerOut}.${process.pid}.tmp`;
await build({
  entryPoints: [workerSource],
  outfile: workerTmp,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
renameSync(workerTmp, workerOut);
