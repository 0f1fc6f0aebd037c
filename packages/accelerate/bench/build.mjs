// Bundles the fib bench into one ESM file, .bundle/bench/fib-bench.mjs, with
// the parallel CPU reducer's worker beside it (CommonJS, with a package.json
// saying so). Only the native `webgpu` package stays an external import.
//   node packages/accelerate/bench/build.mjs [outdir]
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outdir = process.argv[2] ?? here("../.bundle/bench");
mkdirSync(outdir, { recursive: true });
const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning", external: ["webgpu", "esbuild"] };

await build({
  ...common,
  entryPoints: [here("./fib-bench.ts")],
  outfile: `${outdir}/fib-bench.mjs`,
  format: "esm",
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: [here("../../runtime-cpu/src/parallel/node/worker.ts")],
  outfile: `${outdir}/cpu-parallel-worker.js`,
  format: "cjs",
});
writeFileSync(`${outdir}/package.json`, `${JSON.stringify({ type: "commonjs" })}\n`);
process.stdout.write(`built ${outdir}/fib-bench.mjs\n`);
