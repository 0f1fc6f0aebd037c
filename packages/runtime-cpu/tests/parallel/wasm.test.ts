import { describe, expect, it } from "vitest";
import { exchanger, heapMemory } from "../../src/parallel/core/wasm.js";

describe("wasm atomic exchange", () => {
  it("makes a shared memory of whole pages covering the request", () => {
    expect(heapMemory(1).buffer.byteLength).toBe(65536);
    expect(heapMemory(65536).buffer.byteLength).toBe(65536);
    expect(heapMemory(65537).buffer.byteLength).toBe(131072);
    expect(heapMemory(8 * 1000).buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("stores the new value and returns the old one, at the i32 the byte offset names", () => {
    const memory = heapMemory(1 << 20);
    const heap = new Int32Array(memory.buffer);
    const xchg = exchanger(memory);
    heap[5] = 123;
    expect(xchg(5 << 2, -7)).toBe(123);
    expect(heap[5]).toBe(-7);
    expect(heap[4]).toBe(0);
    expect(heap[6]).toBe(0);
    expect(xchg(5 << 2, 0x7ffffff3)).toBe(-7);
    expect(heap[5]).toBe(0x7ffffff3);
    const last = heap.length - 1;
    expect(xchg(last << 2, 42)).toBe(0);
    expect(heap[last]).toBe(42);
  });

  it("sees the stores of another instance over the same memory", () => {
    const memory = heapMemory(1 << 16);
    const a = exchanger(memory);
    const b = exchanger(memory);
    expect(a(64, 1)).toBe(0);
    expect(b(64, 2)).toBe(1);
    expect(a(64, 3)).toBe(2);
  });
});
