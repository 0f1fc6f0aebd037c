/**
 * The checked-in kernel (kernel/assembly/generated.ts and src/parallel/core/kernel-wasm.ts)
 * is what kernel/build.mjs makes from the AssemblyScript source, @hvm/ir and layout.ts today.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../kernel/build.mjs", import.meta.url));

describe("wasm kernel build", () => {
  it("matches a fresh build from kernel/assembly, ir's tables and the memory layout", { timeout: 120_000 }, () => {
    let out = "";
    try {
      execFileSync(process.execPath, [script, "--check"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      out = String((e as { stderr?: string }).stderr ?? e);
    }
    expect(out).toBe("");
  });
});
