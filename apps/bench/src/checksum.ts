/**
 * Checksums of printed normal forms: FNV-1a 64-bit over UTF-16 code units,
 * written as 16 hex digits. Used to compare a runtime's result with the
 * reference normal form without keeping large texts in the report.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function checksum(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
}
