#!/usr/bin/env node
// Packs every publishable package, installs the tarballs with npm into an empty
// project, and uses them there the way a user would: the hvm-cli bin on a
// .hvmc and a .hvm program (also on cpu-parallel, and on webgpu when `hvm-cli
// gpus` lists an adapter), an ESM script importing @hvm/syntax and
// @hvm/runtime-cpu, and @hvm/accelerate in sequential and cpu mode.
// Before that, each installed package is checked as published: every export,
// main, types and bin target exists, README.md and LICENSE ship, no
// workspace: specifier is left, every bare import of its dist (.js and .d.ts)
// is a declared dependency or peer, every export imports in Node, and a
// strict TypeScript consumer (module nodenext) resolves every export's types,
// and the browser-facing main entries bundle for the browser from the dist.
// A package whose dist is missing or older than its src is built first.
// Exits non-zero (with the failing step's output) on any problem.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "hvm-pack-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
const keep = process.argv.includes("--keep");

function sh(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

/** Newest mtime of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every target a manifest points at: main, types, bin and each export condition. */
function targets(manifest) {
  const out = [manifest.main, manifest.types, ...Object.values(typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {}))];
  const walk = (v) => (typeof v === "string" ? out.push(v) : v && typeof v === "object" ? Object.values(v).forEach(walk) : undefined);
  walk(manifest.exports);
  return out.filter((t) => t !== undefined);
}

/** Packages whose main entry is meant for browsers too (no Node built-ins). */
const BROWSER_PACKAGES = ["@hvm/ir", "@hvm/syntax", "@hvm/lang", "@hvm/runtime-cpu", "@hvm/runtime-webgpu", "@hvm/accelerate"];

const BARE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|reference\s+types=)["']([@\w][\w.\-@/]*)["']/g;
const packageOf = (spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

/** The problems of one installed package, as published. */
function checkInstalled(name, dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const problems = [];
  for (const t of targets(manifest)) if (!existsSync(join(dir, t))) problems.push(`${t} is referenced by package.json but is not in the tarball (files, build entries)`);
  for (const t of targets(manifest)) if (/\.[cm]?ts$/.test(t) && !/\.d\.[cm]?ts$/.test(t)) problems.push(`${t} is TypeScript source: published exports must point at dist (publishConfig)`);
  for (const f of ["README.md", "LICENSE"]) if (!existsSync(join(dir, f))) problems.push(`${f} is not in the tarball`);
  const runtimeDeps = { ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies };
  const declared = new Set([name, ...Object.keys(runtimeDeps)]);
  for (const [dep, range] of Object.entries(runtimeDeps)) {
    if (String(range).startsWith("workspace:")) problems.push(`dependency ${dep} is still ${range}`);
  }
  for (const file of filesUnder(join(dir, "dist")).filter((f) => /\.(m?js|d\.ts)$/.test(f))) {
    for (const [, spec] of readFileSync(file, "utf8").matchAll(BARE_IMPORT)) {
      const pkg = packageOf(spec);
      if (spec.startsWith("node:") || builtinModules.includes(pkg) || declared.has(pkg)) continue;
      problems.push(`${file.slice(dir.length + 1)} imports ${JSON.stringify(spec)}, which is not a dependency, optionalDependency or peerDependency`);
    }
  }
  return { manifest, problems: [...new Set(problems)] };
}

function expectIncludes(label, text, needle) {
  if (!text.includes(needle)) throw new Error(`${label}: expected output to contain ${JSON.stringify(needle)}, got:\n${text}`);
  console.log(`ok - ${label}`);
}

try {
  const pkgs = readdirSync(join(root, "packages"));
  const deps = {};
  for (const dir of pkgs) {
    const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    if (manifest.private) continue;
    const pkgDir = join(root, "packages", dir);
    if (newest(join(pkgDir, "dist")) < Math.max(newest(join(pkgDir, "src")), statSync(join(pkgDir, "package.json")).mtimeMs)) {
      sh("pnpm", ["run", "build"], pkgDir);
      console.log(`ok - built ${manifest.name} (its dist was missing or older than its sources)`);
    }
    const out = sh("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", dir)).trim().split("\n").pop();
    deps[manifest.name] = `file:${out.startsWith("/") ? out : join(tarballs, out.split("/").pop())}`;
  }
  sh("mkdir", ["-p", project], work);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module", dependencies: deps, overrides: deps }, null, 2));
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], project);
  console.log(`ok - npm installed ${Object.keys(deps).length} tarballs`);

  const typeImports = [];
  for (const name of Object.keys(deps)) {
    const { manifest, problems } = checkInstalled(name, join(project, "node_modules", name));
    if (problems.length > 0) throw new Error(`${name} as published:\n  ${problems.join("\n  ")}`);
    const subpaths = Object.keys(manifest.exports ?? {}).map((k) => name + k.slice(1));
    for (const spec of subpaths) sh("node", ["--input-type=module", "-e", `await import(${JSON.stringify(spec)});`], project);
    for (const spec of subpaths) typeImports.push(`export * as m${typeImports.length} from ${JSON.stringify(spec)};`);
    console.log(`ok - ${name}: files, exports, declared dependencies${subpaths.length > 0 ? `, import of ${subpaths.join(", ")}` : ""}`);
  }
  writeFileSync(join(project, "types.ts"), `${typeImports.join("\n")}\n`);
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const tsArgs = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(root, "node_modules", "@types"), "types.ts"];
  sh("node", [tsc, ...tsArgs], project);
  console.log("ok - TypeScript (nodenext, strict, lib check) resolves the types of every export");

  const { build } = await import("esbuild");
  for (const name of BROWSER_PACKAGES) {
    const result = await build({ stdin: { contents: `export * from "${name}";`, resolveDir: project, loader: "js" }, bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const nodeImports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((im) => im.path.startsWith("node:") || im.external).map((im) => im.path));
    if (nodeImports.length > 0) throw new Error(`${name} as published does not bundle for the browser: it imports ${nodeImports.join(", ")}`);
  }
  console.log(`ok - the published ${BROWSER_PACKAGES.join(", ")} bundle for the browser`);

  copyFileSync(join(root, "examples", "sum-tree.hvmc"), join(project, "prog.hvmc"));
  const expected = readFileSync(join(root, "examples", "sum-tree.expected"), "utf8").split("\n")[0];
  expectIncludes("npx hvm-cli run prog.hvmc", sh("npx", ["hvm-cli", "run", "prog.hvmc", "-s"], project), expected);

  expectIncludes(
    "npx hvm-cli run prog.hvmc --runtime cpu-parallel (the bundled worker ships)",
    sh("npx", ["hvm-cli", "run", "prog.hvmc", "-s", "--runtime", "cpu-parallel", "--threads", "2"], project),
    expected,
  );

  const adapters = JSON.parse(sh("npx", ["hvm-cli", "gpus", "--json"], project));
  if (adapters.length > 0) {
    expectIncludes(`npx hvm-cli run prog.hvmc --runtime webgpu (Dawn on ${adapters[0].name})`, sh("npx", ["hvm-cli", "run", "prog.hvmc", "-s", "--runtime", "webgpu"], project), expected);
  } else {
    console.log("skip - npx hvm-cli run --runtime webgpu: hvm-cli gpus lists no WebGPU adapter here");
  }

  writeFileSync(join(project, "prog.hvm"), "main = (+ (+ 10 3) (* 5 6))\n");
  expectIncludes("npx hvm-cli run prog.hvm", sh("npx", ["hvm-cli", "run", "prog.hvm"], project), "43");

  writeFileSync(
    join(project, "use-lib.mjs"),
    [
      'import { parseBook, printNet } from "@hvm/syntax";',
      'import { createCpuRuntime } from "@hvm/runtime-cpu";',
      'const book = parseBook("@main = r & #3 ~ <#123 <#321 r>>", "inline.hvmc");',
      "const rt = createCpuRuntime();",
      "const { net, stats } = await rt.run(book);",
      "console.log(printNet(net).trim(), stats.interactions);",
      "await rt.dispose();",
    ].join("\n"),
  );
  expectIncludes("ESM import of @hvm/syntax + @hvm/runtime-cpu", sh("node", ["use-lib.mjs"], project), "#39483 5");

  writeFileSync(
    join(project, "use-accelerate.mjs"),
    [
      'import { accelerate, map, reduce } from "@hvm/accelerate";',
      "const xs = [1, 2, 3];",
      'const a = await accelerate(map((x) => x * 2 + 1, xs), { mode: "sequential" });',
      'const b = await accelerate(map((x) => x * 2 + 1, xs), { mode: "cpu" });',
      'const c = await accelerate(reduce((p, q) => p + q, 0, xs), { mode: "cpu" });',
      "console.log(JSON.stringify([a, b, c]));",
    ].join("\n"),
  );
  expectIncludes("@hvm/accelerate sequential and cpu", sh("node", ["use-accelerate.mjs"], project), "[[3,5,7],[3,5,7],6]");
  writeFileSync(
    join(project, "use-parallel.mjs"),
    [
      'import { parseBook, printNet } from "@hvm/syntax";',
      'import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";',
      'import { accelerate, map } from "@hvm/accelerate/node";',
      "const rt = createParallelCpuRuntime({ threads: 2 });",
      'const { net, stats } = await rt.run(parseBook("@main = r & #3 ~ <#123 <#321 r>>", "inline.hvmc"));',
      "await rt.dispose();",
      'const xs = await accelerate(map((x) => x + 1, [1, 2, 3]), { mode: "cpu", threads: 2 });',
      "console.log(printNet(net).trim(), stats.interactions, JSON.stringify(xs));",
    ].join("\n"),
  );
  expectIncludes("@hvm/runtime-cpu/node and @hvm/accelerate/node with 2 threads (the worker ships)", sh("node", ["use-parallel.mjs"], project), "#39483 5 [2,3,4]");
  console.log("pack-check passed");
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
