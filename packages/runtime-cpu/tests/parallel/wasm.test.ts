import { OPERATORS, U24_MASK, applyOp, tagged } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { heapMemory, instantiateKernel } from "../../src/parallel/core/wasm.js";

describe("shared memory", () => {
  it("makes a shared memory of whole pages covering the request", () => {
    expect(heapMemory(1).buffer.byteLength).toBe(65536);
    expect(heapMemory(65536).buffer.byteLength).toBe(65536);
    expect(heapMemory(65537).buffer.byteLength).toBe(131072);
    expect(heapMemory(8 * 1000).buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe("wasm kernel", () => {
  it("instantiates on a shared memory without writing to it", () => {
    const memory = heapMemory(1 << 16);
    const bytes = new Uint8Array(memory.buffer);
    bytes.fill(0xa5);
    instantiateKernel(memory, () => undefined);
    expect(bytes.every((b) => b === 0xa5)).toBe(true);
  });

  it("computes every operator of ir's table exactly as ir.applyOp does", () => {
    const kernel = instantiateKernel(heapMemory(1), () => undefined) as unknown as { applyOp(x: number, y: number): number };
    const values = [0, 1, 2, 3, 7, 31, 32, 33, 255, 4096, 0x7fffff, 0x800000, 0xfffffe, U24_MASK];
    for (let s = 1; s < 200; s++) values.push((s * 2654435761) & U24_MASK);
    const wrong: string[] = [];
    let checked = 0;
    for (const op of OPERATORS) {
      for (const a of values) {
        for (const b of values) {
          const x = tagged(op.code, a);
          const got = kernel.applyOp(x, b) >>> 0;
          if (got !== applyOp(x, b)) wrong.push(`${op.name}(${a}, ${b}) = ${got}, ir says ${applyOp(x, b)}`);
          checked++;
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBe(OPERATORS.length * values.length ** 2);
  });
});
