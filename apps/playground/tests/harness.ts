/**
 * E2E harness: build the app with Vite, serve dist from 127.0.0.1 with
 * node:http, and drive Debian's chromium (never a downloaded browser)
 * through playwright-core with a fresh profile.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { build } from "vite";

export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CHROMIUM = "/usr/bin/chromium";

/** The flags of every launch; WebGPU flags are added by `launch({ webgpu: true })`. */
export const BASE_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** A software WebGPU adapter (SwiftShader over Vulkan) for headless chromium without a GPU. */
export const WEBGPU_FLAGS = ["--enable-unsafe-webgpu", "--enable-features=Vulkan", "--use-angle=swiftshader", "--use-webgpu-adapter=swiftshader"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

export async function buildApp(outDir: string): Promise<void> {
  await build({ root: APP_DIR, configFile: path.join(APP_DIR, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve a directory on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<Served> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launch chromium headless with a fresh user-data-dir (removed on close). */
export async function launch(opts: { webgpu?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "hvm-playground-"));
  const args = [...BASE_FLAGS, ...(opts.webgpu ? WEBGPU_FLAGS : ["--disable-gpu"])];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
