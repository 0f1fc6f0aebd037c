import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");

test("packed tarballs install into an empty project and work there", () => {
  const out = execFileSync("node", [resolve(root, "scripts/pack-check.mjs")], { cwd: root, encoding: "utf8", timeout: 600_000 });
  expect(out).toContain("ok - npx hvm-cli run prog.hvmc");
  expect(out).toContain("ok - npx hvm-cli run prog.hvm");
  expect(out).toContain("ok - ESM import of @hvm/syntax + @hvm/runtime-cpu");
  expect(out).toContain("ok - @hvm/accelerate sequential and cpu");
  expect(out.trim().endsWith("pack-check passed")).toBe(true);
}, 600_000);
