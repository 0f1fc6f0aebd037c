/**
 * Node edge (subpath export "./node"): registers the WebGPU reducer on a
 * Dawn device (the `webgpu` npm package) and the worker_threads CPU reducer,
 * then re-exports the whole API. In Node, import from `@hvm/accelerate/node`
 * to get the GPU by default and `{ mode: "cpu", threads: N }`.
 */
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { createNodeWebGpuRuntime, listAdapters } from "@hvm/runtime-webgpu/node";
import { registerProviders } from "./backends.js";

registerProviders({
  hasGpuAdapter: async () => (await listAdapters()).length > 0,
  createGpuRuntime: async () => {
    try {
      return await createNodeWebGpuRuntime();
    } catch (e) {
      return `Dawn: ${(e as Error).message}`;
    }
  },
  createParallelCpuRuntime: (threads) => createParallelCpuRuntime({ threads }),
});

export * from "./index.js";
