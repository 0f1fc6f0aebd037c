/**
 * Errors of the WebGPU runtime. Failures shared by every reducer (out of
 * memory, interaction limit, type error pair, abort) are ir's classes,
 * re-exported so callers can catch them from one place.
 */
import { ErrorCode, HvmError, OutOfMemoryError, formatBytes } from "@hvm/ir";

export { AbortedError, InteractionLimitError, OutOfMemoryError, TypeErrorPair } from "@hvm/ir";


/** The GPU device was lost (driver reset, removed adapter, destroyed device). */
export class DeviceLostError extends HvmError {
  constructor(readonly reason: string, detail: string) {
    super(ErrorCode.DEVICE, `WebGPU device lost (${reason}): ${detail || "no detail from the driver"}; create a new runtime with a fresh device`);
  }
}

/** A validation or allocation error reported by the WebGPU implementation. */
export class GpuError extends HvmError {
  constructor(readonly stage: string, detail: string) {
    super(ErrorCode.DEVICE, `WebGPU error while ${stage}: ${detail}`);
  }
}

/** No adapter matched the request. */
export class AdapterNotFoundError extends HvmError {
  constructor(wanted: string | undefined, available: readonly string[]) {
    const list = available.length > 0 ? available.join(", ") : "none";
    super(
      ErrorCode.DEVICE,
      wanted === undefined
        ? `no WebGPU adapter is available (adapters seen: ${list}); install a Vulkan/Metal/D3D12 driver (on Linux CPUs: Mesa lavapipe) or use --runtime cpu`
        : `no WebGPU adapter matches "${wanted}"; available: ${list}`,
    );
  }
}

/** The shader could not be generated for this device (limits too small, table does not fit). */
export class ShaderBuildError extends HvmError {
  constructor(message: string) {
    super(ErrorCode.DEVICE, `cannot build the WGSL reducer: ${message}`);
  }
}

/** The redex bag (sized from the heap) overflowed: an out-of-memory error with its own message. */
export class RedexBagOverflowError extends OutOfMemoryError {
  constructor(nodes: number, bytes: number, readonly capacity: number) {
    super(nodes, bytes);
    this.message = `out of memory: more than ${capacity} pending redexes overflowed the redex bag of a ${formatBytes(bytes)} heap, raise --memory`;
  }
}
