/**
 * The generated WGSL: a snapshot of the whole module for a fixed plan, and
 * the parts that must follow ir's tables.
 */
import { OPERATORS, Rule, TAG_ENTRIES } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { planMemory } from "../../src/layout.js";
import { buildShader } from "../../src/wgsl/kernel.js";

const kernel = { workgroupSize: 64, maxWorkgroups: 32, wave: 2048, keepChunks: 2048, budget: 4096, budgetMin: 64, localCapacity: 32, shareBelow: 2048, shareEvery: 8, shareMin: 3, shareEveryWide: 8, shareWideAt: 1, shareCountsLeftovers: false, window: 4096, windowFrom: 0.5, linkRounds: 5, spreadMax: 1, spreadWidth: 0 };
const limits = { maxStorageBufferBindingSize: 1 << 27, maxBufferSize: 2 ** 32 - 1, maxStorageBuffersPerShaderStage: 16 };

describe("buildShader", () => {
  it("matches the snapshot (64 MiB heap, one binding)", () => {
    expect(buildShader(planMemory(64 << 20, limits, kernel), kernel)).toMatchSnapshot();
  });

  it("declares one constant per ir tag and rule, and one case per operator", () => {
    const code = buildShader(planMemory(64 << 20, limits, kernel), kernel);
    for (const [name, value] of TAG_ENTRIES) expect(code).toContain(`const ${name}: u32 = 0x${value.toString(16)}u;`);
    for (const [name, value] of Object.entries(Rule)) expect(code).toContain(`const R_${name}: u32 = ${value}u;`);
    for (const op of OPERATORS) expect(code).toContain(`case ${op.code}u: { return`);
  });

  it("splits a heap larger than one binding over several bindings", () => {
    const plan = planMemory(512 << 20, limits, kernel);
    expect(plan.heapBufferBytes).toEqual([1 << 27, 1 << 27, 1 << 27, 1 << 27]);
    const code = buildShader(plan, kernel);
    expect(code).toContain("@group(0) @binding(7) var<storage, read_write> heap3: array<atomic<u32>>;");
    expect(code).toContain("switch (s >> SLOT_SHIFT) {");
    expect(code).not.toContain("heap4");
  });

  it("caps the heap at the bindings a stage allows and at 2^28 nodes", () => {
    const plan = planMemory(2 ** 40, limits, kernel);
    expect(plan.heapBufferBytes.length).toBe(12);
    expect(plan.nodes).toBe((12 * (1 << 27)) / 8);
    const wide = planMemory(2 ** 40, { ...limits, maxStorageBufferBindingSize: 2 ** 31 - 4 }, kernel);
    expect(wide.nodes).toBe(2 ** 28);
    expect(wide.heapBufferBytes).toEqual([2 ** 30, 2 ** 30]);
  });
});
