/**
 * The WebAssembly side of the parallel reducer: the shared memory that
 * holds the heap (and the regions of layout.ts), and the hot-loop kernel
 * compiled from kernel/assembly/kernel.ts (AssemblyScript; bytes in
 * kernel-wasm.ts, rebuilt by kernel/build.mjs). Each thread instantiates the
 * kernel on the shared memory; the instance's globals point at that
 * thread's region.
 *
 * Why WebAssembly: V8 (Node 20) compiles `Atomics.exchange` to a call into
 * a generic builtin of ~170 machine instructions, and JavaScript's integer
 * code keeps tag checks and deoptimisation points that wasm's i32 code has
 * not; the kernel's exchange is one instruction.
 */
import { KERNEL_WASM_BASE64 } from "./kernel-wasm.js";

/** Bytes a WebAssembly page holds. */
const PAGE = 65536;

/** A shared WebAssembly.Memory (it can be posted to workers like a SharedArrayBuffer). */
export interface HeapMemory {
  readonly buffer: SharedArrayBuffer;
}

/** The kernel's exports (kernel/assembly/kernel.ts). */
export interface KernelExports {
  /** Point the instance at its thread's worker block, owner table, dispatch table, book, tables and free stack (byte offsets; the free stack's capacity in nodes). */
  init(block: number, owners: number, chunkShift: number, mark: number, dispatch: number, book: number, tables: number, free: number, freeWords: number): void;
  /** Reduce up to `budget` redexes of the stack at byte `stack`, words [base, sp) of `cap`; returns a KernelStatus. */
  reduce(stack: number, sp: number, base: number, cap: number, room: number, budget: number): number;
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

/** A shared WebAssembly memory of at least `bytes` bytes. */
export function heapMemory(bytes: number): HeapMemory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

/** The kernel's bytes, decoded from base64 without Node's Buffer or the DOM's atob typings. */
function kernelBytes(): Uint8Array {
  const decode = (globalThis as unknown as { atob: (s: string) => string }).atob;
  const text = decode(KERNEL_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** An instance of the kernel on `memory`; `nextChunk` is the allocator's slow path (alloc.ts). */
export function instantiateKernel(memory: HeapMemory, nextChunk: () => void): KernelExports {
  compiled ??= new wasm.Module(kernelBytes());
  const instance = new wasm.Instance(compiled, { env: { memory, nextChunk } });
  return instance.exports as unknown as KernelExports;
}
