// Bundles the device scripts (bench.ts, random.ts) into .bundle/ as single
// ESM files for Node 20 with `webgpu` (Dawn) external, so they run on the GPU
// machine next to .device/'s webgpu package: `node bench/build.mjs`.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", ".bundle");
for (const name of ["bench", "random"]) {
  await build({
    entryPoints: [join(here, `${name}.ts`)],
    outfile: join(out, `${name}.mjs`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external: ["webgpu"],
    logLevel: "warning",
  });
}
