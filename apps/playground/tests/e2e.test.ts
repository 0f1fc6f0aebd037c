/**
 * The playground in a real browser: Debian's chromium, headless, driven by
 * playwright-core against the production build served from 127.0.0.1.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import { APP_DIR, CHROMIUM, buildApp, launch, serve, type Browser, type Served } from "./harness.js";

/** Set HVM_SCREENSHOTS=1 to refresh docs/img/playground-*.png. */
const SHOTS = process.env.HVM_SCREENSHOTS ? path.resolve(APP_DIR, "../../docs/img") : undefined;
const MUL = "@main = r\n  & #3 ~ <#123 <#321 r>>\n";
const LOOP = "// never reaches a normal form\n@main = a\n  & @loop ~ (a *)\n@loop = (a b)\n  & @loop ~ (a b)\n";
const BROKEN = "@main = r\n  & #3 ~ <#123 <#321 r>>\n  & ( ~ *\n";

const hasChromium = existsSync(CHROMIUM);
let dist: string;
let served: Served;
let browser: Browser;

async function open(hash = ""): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${served.url}${hash}`);
  await page.waitForSelector("#source");
  return page;
}

async function runAndWait(page: Page): Promise<void> {
  await page.click("#run");
  await page.waitForFunction(() => /^(done|failed|stopped)/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
}

describe.skipIf(!hasChromium)("playground in chromium", () => {
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), "hvm-playground-dist-"));
    await buildApp(dist);
    served = await serve(dist);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("runs a program on the CPU worker and shows its normal form, stats and nets", async () => {
    const page = await open();
    await page.fill("#source", MUL);
    await runAndWait(page);
    expect(await page.textContent("#output")).toBe("#39483");
    expect(await page.textContent('#stats td[data-stat="interactions"]')).toBe("5");
    expect(await page.textContent('#stats td[data-stat="DREF"]')).toBe("1");
    expect(await page.textContent('#stats td[data-stat="OPER"]')).toBe("4");
    expect(await page.textContent('#stats td[data-stat="runtime"]')).toBe("cpu");
    expect(await page.locator("#nets svg").count()).toBe(2);
    await page.close();
  });

  it.runIf(SHOTS)("takes the README screenshot of a run", async () => {
    mkdirSync(SHOTS!, { recursive: true });
    const page = await open();
    await page.selectOption("#examples", "church2");
    await runAndWait(page);
    expect(await page.textContent("#output")).toBe("#2");
    await page.screenshot({ path: path.join(SHOTS!, "playground-run.png"), fullPage: true });
    await page.close();
  });

  it("runs a corpus example from the menu and prints its reference normal form and counts", async () => {
    const sumTree = loadCorpus(path.resolve(APP_DIR, "../../examples")).find((p) => p.name === "sum-tree")!;
    const page = await open();
    await page.selectOption("#examples", "sum-tree");
    expect(await page.inputValue("#source")).toBe(sumTree.source);
    await runAndWait(page);
    expect(await page.textContent("#output")).toBe(sumTree.expected.normalForm);
    expect(await page.textContent('#stats td[data-stat="interactions"]')).toBe(sumTree.expected.rwts.toLocaleString("en-US"));
    for (const [rule, n] of Object.entries(sumTree.expected.byRule)) {
      expect(await page.textContent(`#stats td[data-stat="${rule}"]`)).toBe(n.toLocaleString("en-US"));
    }
    await page.close();
  });

  it("marks a syntax error at its line with the message", async () => {
    const page = await open();
    await page.fill("#source", BROKEN);
    await page.click("#run");
    await page.waitForSelector("#diagnostics li");
    const item = await page.textContent("#diagnostics li");
    expect(item).toMatch(/^line 3, col \d+: .+ \[E_SYNTAX\]$/);
    expect(await page.textContent(".gutter .err")).toBe("3");
    expect(await page.locator(".highlight .line.err").count()).toBe(1);
    expect(await page.textContent(".highlight .err-note")).toContain(item!.replace(/^line 3, col \d+: /, "").replace(/ \[E_SYNTAX\]$/, ""));
    expect(await page.textContent("#output")).toBe("");
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "playground-error.png"), fullPage: true });
    await page.close();
  });

  it("stops a run that never ends without freezing the page", async () => {
    const page = await open();
    await page.fill("#source", LOOP);
    await page.click("#run");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("running"));
    expect(await page.isEnabled("#stop")).toBe(true);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.click("#stop");
    await page.waitForFunction(() => document.getElementById("status")?.textContent === "stopped");
    expect(await page.textContent("#error")).toBe("reduction aborted [E_ABORTED]");
    await page.fill("#source", MUL);
    await runAndWait(page);
    expect(await page.textContent("#output")).toBe("#39483");
    await page.close();
  });

  it("opens a share link with the same program", async () => {
    const page = await open();
    await page.fill("#source", LOOP);
    await page.click("#share");
    await page.waitForSelector("#share-url:not([hidden])");
    const link = await page.inputValue("#share-url");
    expect(link).toMatch(/#z=[A-Za-z0-9_-]+$/);
    const other = await open(link.slice(served.url.length));
    expect(await other.inputValue("#source")).toBe(LOOP);
    await page.close();
    await other.close();
  });
});

describe.skipIf(!hasChromium)("playground on WebGPU in chromium (SwiftShader adapter)", () => {
  let gpuDist: string;
  let gpuServed: Served;
  let gpuBrowser: Browser;

  beforeAll(async () => {
    gpuDist = mkdtempSync(path.join(os.tmpdir(), "hvm-playground-dist-"));
    await buildApp(gpuDist);
    gpuServed = await serve(gpuDist);
    gpuBrowser = await launch({ webgpu: true });
  });

  afterAll(async () => {
    await gpuBrowser?.close();
    await gpuServed?.close();
    rmSync(gpuDist, { recursive: true, force: true });
  });

  it("runs a program on navigator.gpu and prints the same normal form and counts as the CPU", async (ctx) => {
    const page = await gpuBrowser.context.newPage();
    await page.goto(gpuServed.url);
    await page.waitForSelector("#source");
    const adapter = await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null);
    if (!adapter) ctx.skip("this chromium offers no WebGPU adapter (see docs/playground.md)");
    await page.selectOption("#runtime", "webgpu");
    await page.fill("#source", MUL);
    await page.click("#run");
    await page.waitForFunction(() => /^(done|failed|stopped)/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 90_000 });
    expect(await page.textContent("#error")).toBe("");
    expect(await page.textContent("#output")).toBe("#39483");
    expect(await page.textContent('#stats td[data-stat="runtime"]')).toMatch(/^webgpu:/);
    expect(await page.textContent('#stats td[data-stat="interactions"]')).toBe("5");
    expect(await page.textContent('#stats td[data-stat="OPER"]')).toBe("4");
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "playground-webgpu.png"), fullPage: true });
    await page.close();
  });

  it("stops a WebGPU run that never ends", async (ctx) => {
    const page = await gpuBrowser.context.newPage();
    await page.goto(gpuServed.url);
    await page.waitForSelector("#source");
    if (!(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null))) ctx.skip("no WebGPU adapter");
    await page.selectOption("#runtime", "webgpu");
    await page.fill("#source", LOOP);
    await page.click("#run");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("running"));
    await page.click("#stop");
    await page.waitForFunction(() => /^(stopped|failed)/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 30_000 });
    expect(await page.textContent("#status")).toBe("stopped");
    expect(await page.textContent("#error")).toBe("reduction aborted [E_ABORTED]");
    await page.fill("#source", MUL);
    await page.click("#run");
    await page.waitForFunction(() => /^(done|failed)/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 90_000 });
    expect(await page.textContent("#output")).toBe("#39483");
    await page.close();
  });
});

