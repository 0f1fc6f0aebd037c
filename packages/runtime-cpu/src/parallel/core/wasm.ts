/**
 * One-instruction atomic exchange for the shared heap. V8 (Node 20) does not
 * compile `Atomics.exchange` inline: every call goes through a generic
 * builtin of about 170 machine instructions, while a call into this WebAssembly
 * function costs about a third of that. The module, in text form:
 *
 *   (module
 *     (import "m" "heap" (memory 1 65536 shared))
 *     (func (export "xchg") (param $byte i32) (param $value i32) (result i32)
 *       (i32.atomic.rmw.xchg (local.get $byte) (local.get $value))))
 *
 * The heap is that shared memory's buffer (a SharedArrayBuffer).
 */
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  // type section: (i32 i32) -> i32
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
  // import section: "m" "heap", shared memory, min 1, max 65536 pages
  0x02, 0x0e, 0x01, 0x01, 0x6d, 0x04, 0x68, 0x65, 0x61, 0x70, 0x02, 0x03, 0x01, 0x80, 0x80, 0x04,
  // function section: one function of type 0
  0x03, 0x02, 0x01, 0x00,
  // export section: "xchg" = function 0
  0x07, 0x08, 0x01, 0x04, 0x78, 0x63, 0x68, 0x67, 0x00, 0x00,
  // code section: local.get 0, local.get 1, i32.atomic.rmw.xchg align=2 offset=0
  0x0a, 0x0c, 0x01, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0xfe, 0x41, 0x02, 0x00, 0x0b,
]);

/** Bytes a WebAssembly page holds. */
const PAGE = 65536;

/** A shared WebAssembly.Memory (it can be posted to workers like a SharedArrayBuffer). */
export interface HeapMemory {
  readonly buffer: SharedArrayBuffer;
}

/**
 * The parts of the WebAssembly API used here, typed locally: the core is
 * compiled without DOM or Node typings, and every engine it runs on
 * (Node, browsers, workers) has WebAssembly.
 */
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => HeapMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: object | undefined;

/** A shared WebAssembly memory of at least `bytes` bytes, for the heap. */
export function heapMemory(bytes: number): HeapMemory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

/** `xchg(byteOffset, value)`: atomically store `value` at that i32 of `memory`, returning the old one. */
export function exchanger(memory: HeapMemory): (byte: number, value: number) => number {
  compiled ??= new wasm.Module(MODULE);
  const instance = new wasm.Instance(compiled, { m: { heap: memory } });
  return instance.exports.xchg as (byte: number, value: number) => number;
}
