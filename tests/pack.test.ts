import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

test("packed tarballs install into an empty project and work there", () => {
  const out = execFileSync("node", [resolve(root, "scripts/pack-check.mjs")], { cwd: root, encoding: "utf8", timeout: 600_000 });
  for (const name of ["@hvm/ir", "@hvm/syntax", "@hvm/lang", "@hvm/runtime-cpu", "@hvm/runtime-webgpu", "@hvm/accelerate", "hvm-cli"]) {
    expect(out).toContain(`ok - ${name}: files, exports, declared dependencies`);
  }
  expect(out).toContain("ok - TypeScript (nodenext, strict, lib check) resolves the types of every export");
  expect(out).toContain("bundle for the browser");
  expect(out).toContain("ok - npx hvm-cli run prog.hvmc");
  expect(out).toContain("ok - npx hvm-cli run prog.hvm");
  expect(out).toContain("ok - ESM import of @hvm/syntax + @hvm/runtime-cpu");
  expect(out).toContain("ok - @hvm/accelerate sequential and cpu");
  expect(out).toContain("ok - npx hvm-cli run prog.hvmc --runtime cpu-parallel");
  expect(out).toContain("ok - @hvm/runtime-cpu/node and @hvm/accelerate/node with 2 threads");
  expect(out.trim().endsWith("pack-check passed")).toBe(true);
}, 600_000);
