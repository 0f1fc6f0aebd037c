/**
 * The generated tables evaluated on the GPU against ir: apply_op equals
 * ir.applyOp (edge cases and random operands), rule_of equals
 * RULE_TABLE/RULE_FLIP for all 256 tag pairs, class_of equals RULE_CLASS.
 */
import { RULE_CLASS, RULE_FLIP, RULE_TABLE, U24_MASK, applyOp } from "@hvm/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operatorFunction, ruleClassFunction, ruleConstants, ruleTableFunction, tagConstants } from "../../src/wgsl/tables.js";
import { gpu } from "../gpu.js";

const SHADER = `
${tagConstants()}
${ruleConstants()}
${ruleTableFunction()}
${ruleClassFunction()}
${operatorFunction()}
@group(0) @binding(0) var<storage, read> input: array<u32>;
@group(0) @binding(1) var<storage, read_write> output: array<u32>;
@compute @workgroup_size(64)
fn ops(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= arrayLength(&input) / 2u) { return; }
  output[id.x] = apply_op(input[2u * id.x], input[2u * id.x + 1u]);
}
@compute @workgroup_size(64)
fn rules(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x >= 256u || arrayLength(&input) == 0u) { return; }
  let rf = rule_of(id.x >> 4u, id.x & 0xfu);
  output[id.x] = rf.x | (rf.y << 8u) | (class_of(rf.x) << 16u);
}
`;

async function runKernel(entry: string, input: Uint32Array, outWords: number): Promise<Uint32Array> {
  const device = gpu!.device;
  const module = device.createShaderModule({ code: SHADER });
  const pipeline = await device.createComputePipelineAsync({ layout: "auto", compute: { module, entryPoint: entry } });
  const inBuf = device.createBuffer({ size: Math.max(input.byteLength, 16), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const outBuf = device.createBuffer({ size: outWords * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const read = device.createBuffer({ size: outWords * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(inBuf, 0, input);
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: inBuf } }, { binding: 1, resource: { buffer: outBuf } }] });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(Math.ceil(outWords / 64));
  pass.end();
  enc.copyBufferToBuffer(outBuf, 0, read, 0, outWords * 4);
  device.queue.submit([enc.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = new Uint32Array(read.getMappedRange().slice(0));
  read.unmap();
  for (const b of [inBuf, outBuf, read]) b.destroy();
  return out;
}

describe.skipIf(!gpu)("generated WGSL tables on the GPU", () => {
  it("apply_op equals ir.applyOp", async () => {
    const edges = [0, 1, 2, 23, 24, 31, 32, 0x7fffff, U24_MASK];
    const pairs: number[] = [];
    for (let code = 0; code < 16; code++) {
      for (const a of edges) for (const b of edges) pairs.push(((code << 24) | a) >>> 0, b);
    }
    const random = fc.sample(fc.tuple(fc.integer({ min: 0, max: 0xfffffff }), fc.integer({ min: 0, max: 0xfffffff })), { numRuns: 4000, seed: 7 });
    for (const [x, y] of random) pairs.push(x, y);
    const input = Uint32Array.from(pairs);
    const out = await runKernel("ops", input, input.length / 2);
    const expected = Array.from({ length: input.length / 2 }, (_, i) => applyOp(input[2 * i], input[2 * i + 1]));
    expect(Array.from(out)).toEqual(expected);
  });

  it("rule_of and class_of equal RULE_TABLE, RULE_FLIP and RULE_CLASS", async () => {
    const out = await runKernel("rules", new Uint32Array(4), 256);
    const expected = Array.from({ length: 256 }, (_, i) => {
      const cls = RULE_CLASS[RULE_TABLE[i]];
      return RULE_TABLE[i] | (RULE_FLIP[i] << 8) | ((cls < 0 ? 0xf : cls) << 16);
    });
    expect(Array.from(out)).toEqual(expected);
  });
});
