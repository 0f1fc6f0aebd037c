/**
 * @hvm/runtime-webgpu: the WGSL interaction-net reducer.
 *
 * - `runtime`  createWebGpuRuntime({ device, adapterInfo? }): ir's Runtime
 * - `device`   requestDevice() through navigator.gpu (browsers)
 * - `driver`   the host loop (batches of rounds, NF walk)
 * - `layout`   heap plan over storage bindings, kernel geometry
 * - `wgsl/*`   the shader generated from ir's tables
 * - `errors`   DeviceLostError, GpuError, AdapterNotFoundError
 *
 * Node (Dawn) lives in the `./node` subpath export.
 */
export * from "./runtime.js";
export * from "./device.js";
export * from "./errors.js";
export { type GpuRunResult, type Timing } from "./driver.js";
export { type Profile, type RoundTrace } from "./profile.js";
export { type KernelConfig, type MemoryPlan, defaultKernel, kernelConfig, planMemory } from "./layout.js";
export { buildShader } from "./wgsl/kernel.js";
