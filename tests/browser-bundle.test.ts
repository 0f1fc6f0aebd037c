import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** The browser-facing entry of a workspace package: its "browser" condition, else ".". */
function browserEntry(dir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(root, "packages", dir, "package.json"), "utf8"));
  const dot = manifest.exports["."];
  const path = typeof dot === "string" ? dot : (dot.browser ?? dot.import ?? dot.default);
  return resolve(root, "packages", dir, path);
}

// The browser-facing packages must bundle for platform "browser" with no Node
// built-ins: esbuild fails on an unresolvable `node:` import, and the metafile
// lists every input so a stray one is named.
test.each(["ir", "syntax", "lang", "runtime-cpu", "runtime-webgpu", "accelerate"])("@hvm/%s bundles for the browser without node: imports", async (dir) => {
  const result = await build({
    entryPoints: [browserEntry(dir)],
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
