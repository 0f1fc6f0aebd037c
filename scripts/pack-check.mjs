#!/usr/bin/env node
// Packs every publishable package, installs the tarballs with npm into an empty
// project, and uses them there the way a user would: the hvm-cli bin on a
// .hvmc and a .hvm program, an ESM script importing @hvm/syntax and
// @hvm/runtime-cpu, and @hvm/accelerate in sequential and cpu mode.
// Exits non-zero (with the failing step's output) on any problem.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
    const out = sh("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", dir)).trim().split("\n").pop();
    deps[manifest.name] = `file:${out.startsWith("/") ? out : join(tarballs, out.split("/").pop())}`;
  }
  sh("mkdir", ["-p", project], work);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module", dependencies: deps, overrides: deps }, null, 2));
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], project);
  console.log(`ok - npm installed ${Object.keys(deps).length} tarballs`);

  copyFileSync(join(root, "examples", "sum-tree.hvmc"), join(project, "prog.hvmc"));
  const expected = readFileSync(join(root, "examples", "sum-tree.expected"), "utf8").split("\n")[0];
  expectIncludes("npx hvm-cli run prog.hvmc", sh("npx", ["hvm-cli", "run", "prog.hvmc", "-s"], project), expected);

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
  console.log("pack-check passed");
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
