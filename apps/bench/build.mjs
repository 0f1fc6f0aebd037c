// Bundles the bench into dist/bench.mjs: one ESM file for Node 20 with every
// dependency inside except `webgpu` (Dawn's native package, kept external and
// imported lazily; install it where the bench runs). Next to it goes cpu-parallel-worker.js, the worker script
// @hvm/runtime-cpu/node looks for beside the bundle (a second file, because
// worker_threads starts workers from a script). `node build.mjs [outdir]`.
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] ?? join(here, "dist"));
const runtimeCpu = join(here, "node_modules", "@hvm", "runtime-cpu");

// `webgpu` is loaded when the WebGPU runtime is first asked for, not when the
// bundle starts: from the bundle's node_modules, else from the working
// directory's. Machines without it still run the CPU runtimes.
const LAZY_WEBGPU = `
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const name = "webgpu";
const fromCwd = () => pathToFileURL(createRequire(join(process.cwd(), "index.js")).resolve(name)).href;
const m = await import(name)
  .catch(() => import(fromCwd()))
  .catch(() => {
    throw new Error(\`not installed next to the bundle or in \${process.cwd()} (npm i webgpu@0.6.2)\`);
  });
export const { create, globals } = m;
`;
const lazyWebgpu = {
  name: "lazy-webgpu",
  setup(b) {
    b.onResolve({ filter: /^webgpu$/ }, () => ({ path: "webgpu", namespace: "lazy-webgpu" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-webgpu" }, () => ({ contents: LAZY_WEBGPU, loader: "js", resolveDir: here }));
  },
};

const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning", absWorkingDir: here };

await build({
  ...common,
  entryPoints: [join(here, "src/main.ts")],
  outfile: join(outdir, "bench.mjs"),
  format: "esm",
  plugins: [lazyWebgpu],
  // CommonJS dependencies (commander, cli-progress) call require() for Node built-ins.
  banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
});

await build({
  ...common,
  entryPoints: [join(runtimeCpu, "src/parallel/node/worker.ts")],
  outfile: join(outdir, "cpu-parallel-worker.js"),
  format: "esm",
});
