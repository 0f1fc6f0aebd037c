/**
 * Device helpers shared by browsers and Node: pick an adapter by name from a
 * GPU object (navigator.gpu or Dawn's), request a device with the adapter's
 * storage limits, and describe adapters for `hvm-cli gpus`.
 */
import { AdapterNotFoundError } from "./errors.js";
import { type AdapterInfoLike, adapterName, adapterText } from "./runtime.js";

export interface DeviceRequest {
  /** Substring of the adapter's vendor, architecture, device or description (case-insensitive). */
  adapter?: string;
  powerPreference?: GPUPowerPreference;
}

export interface AcquiredDevice {
  device: GPUDevice;
  adapterInfo: AdapterInfoLike;
  name: string;
}

export interface AdapterSummary {
  name: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  limits: {
    maxStorageBufferBindingSize: number;
    maxBufferSize: number;
    maxComputeWorkgroupStorageSize: number;
    maxComputeInvocationsPerWorkgroup: number;
    maxComputeWorkgroupsPerDimension: number;
    maxStorageBuffersPerShaderStage: number;
  };
  features: string[];
}

export function summarize(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info;
  const l = adapter.limits;
  return {
    name: adapterName(info),
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    limits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
    },
    features: [...adapter.features].sort(),
  };
}

/** Request a device with the adapter's largest storage limits. */
export async function deviceFrom(adapter: GPUAdapter): Promise<AcquiredDevice> {
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    label: "hvm",
    requiredLimits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
    },
  });
  return { device, adapterInfo: adapter.info, name: adapterName(adapter.info) };
}

/** Pick the first adapter of `candidates` whose name contains `wanted`. */
export function pickAdapter(candidates: readonly GPUAdapter[], wanted: string | undefined): GPUAdapter {
  const match = wanted === undefined ? candidates[0] : candidates.find((a) => adapterText(a.info).toLowerCase().includes(wanted.toLowerCase()));
  if (!match) throw new AdapterNotFoundError(wanted, candidates.map((a) => adapterName(a.info)));
  return match;
}

/** Browsers: a device from navigator.gpu. */
export async function requestDevice(req: DeviceRequest = {}): Promise<AcquiredDevice> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) throw new AdapterNotFoundError(req.adapter, []);
  const candidates: GPUAdapter[] = [];
  for (const powerPreference of [req.powerPreference ?? "high-performance", "low-power"] as const) {
    const a = await gpu.requestAdapter({ powerPreference });
    if (a && !candidates.some((c) => adapterName(c.info) === adapterName(a.info))) candidates.push(a);
  }
  return deviceFrom(pickAdapter(candidates, req.adapter));
}
