/**
 * Parsers for flag values. Each throws commander's InvalidArgumentError, so a
 * bad value is a usage error (exit code 2) with a message naming the flag.
 */
import { InvalidArgumentError } from "commander";

const UNITS: Record<string, number> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** `512K`, `512M`, `4G`, `1048576` (binary units; an optional `B`/`iB` suffix is accepted). */
export function parseMemory(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`expected a size like 512K, 512M, 4G or a number of bytes, got '${text}'`);
  const bytes = Math.floor(Number(m[1]) * UNITS[m[2].toUpperCase()]);
  if (!Number.isSafeInteger(bytes) || bytes < 8) throw new InvalidArgumentError(`size '${text}' is out of range (at least 8 bytes, one node)`);
  return bytes;
}

/** A positive integer; `_` separators and scientific notation (`5e7`) are accepted. */
export function parseCount(text: string): number {
  const clean = text.trim().replaceAll("_", "");
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got '${text}'`);
  return n;
}

/** A comma-separated list, for `--runtime cpu,webgpu`. */
export function parseList(text: string, previous: string[] | undefined): string[] {
  const items = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new InvalidArgumentError(`expected a name, got '${text}'`);
  return [...(previous ?? []), ...items];
}
