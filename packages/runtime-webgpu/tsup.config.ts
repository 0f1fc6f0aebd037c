import { defineConfig } from "tsup";

// The public types name WebGPU's globals (GPUDevice, GPUAdapter, ...): the
// declaration banner pulls in @webgpu/types (a dependency) for every consumer.
export default defineConfig({
  entry: ["src/index.ts", "src/node.ts"],
  format: ["esm"],
  dts: { banner: '/// <reference types="@webgpu/types" />' },
  external: ["webgpu"],
  clean: true,
  sourcemap: true,
});
