/**
 * Node-only: what machine the bench ran on.
 */
import os from "node:os";
import type { MachineInfo } from "./model.js";

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: os.platform(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? "unknown cpu",
    cpus: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.versions.node,
    hostname: os.hostname(),
  };
}
