/**
 * Share links: the program travels in the URL hash. `#z=` holds the UTF-8
 * source compressed with deflate-raw (CompressionStream) in base64url;
 * `#b=` holds it uncompressed, for browsers without CompressionStream.
 */
import { ShareLinkError } from "./errors.js";

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError("it is not base64url");
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

const hasCompression = (): boolean => typeof CompressionStream === "function" && typeof DecompressionStream === "function";

/** The hash (without '#') that encodes `source`. */
export async function encodeShare(source: string): Promise<string> {
  const bytes = new TextEncoder().encode(source);
  if (!hasCompression()) return `b=${toBase64Url(bytes)}`;
  return `z=${toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")))}`;
}

/** The source a hash encodes, or undefined when the hash holds no program. */
export async function decodeShare(hash: string): Promise<string | undefined> {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h.startsWith("b=")) return new TextDecoder().decode(fromBase64Url(h.slice(2)));
  if (!h.startsWith("z=")) return undefined;
  if (!hasCompression()) throw new ShareLinkError("this browser has no DecompressionStream");
  try {
    return new TextDecoder().decode(await pipe(fromBase64Url(h.slice(2)), new DecompressionStream("deflate-raw")));
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError("the compressed program is damaged");
  }
}
