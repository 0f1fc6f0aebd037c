/**
 * Named errors of the playground, with messages a user can act on.
 */
import { HvmError } from "@hvm/ir";

export const PlaygroundErrorCode = {
  SHARE: "E_SHARE_LINK",
  WEBGPU: "E_WEBGPU_UNAVAILABLE",
  WORKER: "E_WORKER",
} as const;

/** The URL hash does not hold a readable program. */
export class ShareLinkError extends HvmError {
  constructor(reason: string) {
    super(PlaygroundErrorCode.SHARE, `cannot open the shared program: ${reason}; ask for a fresh link`);
  }
}

/** The browser offers no WebGPU adapter. */
export class WebGpuUnavailableError extends HvmError {
  constructor(reason: string) {
    super(PlaygroundErrorCode.WEBGPU, `WebGPU is not available: ${reason}; choose "CPU (worker)" or use a browser with WebGPU enabled`);
  }
}

/** The CPU worker died without an answer. */
export class WorkerCrashError extends HvmError {
  constructor(reason: string) {
    super(PlaygroundErrorCode.WORKER, `the CPU worker stopped unexpectedly: ${reason}; press Run to start a fresh one`);
  }
}
