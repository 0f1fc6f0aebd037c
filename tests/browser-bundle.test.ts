import { build } from "esbuild";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

// The browser-facing packages must bundle for platform "browser" with no Node
// built-ins (resolved from apps/bench, which depends on all of them): esbuild
// fails on an unresolvable `node:` import, and the metafile
// lists every input so a stray one is named.
test.each(["@hvm/ir", "@hvm/syntax", "@hvm/lang", "@hvm/runtime-cpu", "@hvm/runtime-webgpu", "@hvm/accelerate"])("%s bundles for the browser without node: imports", async (pkg) => {
  const result = await build({
    stdin: { contents: `export * from "${pkg}";`, resolveDir: resolve(root, "apps/bench"), loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const nodeImports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((im) => im.path.startsWith("node:") || im.external).map((im) => im.path));
  expect(nodeImports).toEqual([]);
  expect(result.outputFiles[0].text).not.toMatch(/from\s*["']node:|require\(["']node:/);
});
