/**
 * The playground page: wires the editor, the example menu, the runners,
 * the share link and the result views together.
 */
import { DEFAULT_ENTRY, type Progress } from "@hvm/ir";
import { checkSource } from "@hvm/syntax";
import { Editor } from "./editor.js";
import { DEFAULT_EXAMPLE, EXAMPLES } from "./examples.js";
import type { RunOutcome } from "./protocol.js";
import { CpuWorkerRunner, WebGpuRunner, type Runner } from "./runners.js";
import { decodeShare, encodeShare } from "./share.js";
import { renderNets, renderStats } from "./view.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const FILE = "playground.hvmc";
const CHECK_DELAY_MS = 250;

const editor = new Editor($("editor"), $<HTMLUListElement>("diagnostics"));
const examples = $<HTMLSelectElement>("examples");
const runtimeSelect = $<HTMLSelectElement>("runtime");
const runButton = $<HTMLButtonElement>("run");
const stopButton = $<HTMLButtonElement>("stop");
const status = $("status");
const output = $("output");
const errorBox = $("error");
const runners: Record<string, Runner> = { cpu: new CpuWorkerRunner(), webgpu: new WebGpuRunner() };
let active: Runner | undefined;

function check(): boolean {
  const ds = checkSource(editor.value, FILE, { entry: DEFAULT_ENTRY });
  editor.setDiagnostics(ds);
  return ds.length === 0;
}

function showError(message: string | undefined): void {
  errorBox.hidden = message === undefined;
  errorBox.textContent = message ?? "";
}

function showOutcome(o: RunOutcome): void {
  output.textContent = o.normalForm;
  renderStats($<HTMLTableElement>("stats"), o.stats, o.runtime);
  renderNets($("nets"), [
    [o.before, `before: @${DEFAULT_ENTRY}`],
    [o.after, "after: normal form"],
  ]);
  status.textContent = `done: ${o.stats.interactions.toLocaleString("en-US")} interactions in ${(o.stats.seconds * 1000).toFixed(1)} ms (${o.stats.mips.toFixed(2)} MIPS)`;
}

function progress(p: Progress): void {
  status.textContent = `running… ${p.interactions.toLocaleString("en-US")} interactions, ${p.nodes.toLocaleString("en-US")} nodes`;
}

async function run(): Promise<void> {
  if (active) return;
  showError(undefined);
  if (!check()) {
    status.textContent = "fix the marked lines first";
    return;
  }
  const runner = runners[runtimeSelect.value];
  active = runner;
  runButton.disabled = true;
  stopButton.disabled = false;
  output.textContent = "";
  renderStats($<HTMLTableElement>("stats"), undefined);
  status.textContent = `running on ${runtimeSelect.selectedOptions[0].text}…`;
  const memory = Number($<HTMLSelectElement>("memory").value);
  const reply = await runner.run({ type: "run", source: editor.value, file: FILE, entry: DEFAULT_ENTRY, memory }, progress);
  active = undefined;
  runButton.disabled = false;
  stopButton.disabled = true;
  if (reply.ok) {
    showOutcome(reply.outcome);
    return;
  }
  const f = reply.failure;
  if (f.diagnostics.length > 0) editor.setDiagnostics(f.diagnostics);
  status.textContent = f.code === "E_ABORTED" ? "stopped" : "failed";
  showError(f.diagnostics.some((d) => d.span) ? `${f.diagnostics.length} problem(s) in the source, marked at their lines` : `${f.message} [${f.code}]`);
}

async function share(): Promise<void> {
  const hash = await encodeShare(editor.value);
  history.replaceState(null, "", `#${hash}`);
  const field = $<HTMLInputElement>("share-url");
  field.hidden = false;
  field.value = location.href;
  field.select();
  const copied = await navigator.clipboard?.writeText(location.href).then(
    () => true,
    () => false,
  );
  status.textContent = copied ? "share link copied to the clipboard" : "share link is in the box under the editor";
}

function load(source: string): void {
  editor.value = source;
  output.textContent = "";
  showError(undefined);
  renderStats($<HTMLTableElement>("stats"), undefined);
  $("nets").replaceChildren();
  check();
}

async function start(): Promise<void> {
  for (const e of EXAMPLES) examples.add(new Option(e.name, e.name));
  if (!("gpu" in navigator)) {
    const opt = runtimeSelect.querySelector<HTMLOptionElement>('option[value="webgpu"]')!;
    opt.disabled = true;
    opt.text = "WebGPU (not available in this browser)";
  }
  examples.addEventListener("change", () => {
    load(EXAMPLES.find((e) => e.name === examples.value)!.source);
    history.replaceState(null, "", location.pathname + location.search);
  });
  runButton.addEventListener("click", () => void run());
  stopButton.addEventListener("click", () => active?.stop());
  $("share").addEventListener("click", () => void share());
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) void run();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  editor.onInput(() => {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  });
  try {
    const shared = await decodeShare(location.hash);
    if (shared !== undefined) {
      examples.value = "";
      load(shared);
      status.textContent = "opened a shared program";
      return;
    }
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
  examples.value = DEFAULT_EXAMPLE;
  load(EXAMPLES.find((e) => e.name === DEFAULT_EXAMPLE)!.source);
}

void start();
