/**
 * Random books (tests/arbitrary.ts) on a real GPU against the reference
 * reducer, outside vitest so it can be bundled for the GPU machine:
 *   node random.mjs [samples] [seed] --out FILE
 * Same acceptance as tests/random.test.ts; prints and writes the mismatches.
 */
import { writeFileSync } from "node:fs";
import { InteractionLimitError, OutOfMemoryError, TypeErrorPair, compileBook, validateBook } from "@hvm/ir";
import { runCompiled } from "@hvm/runtime-cpu";
import { printBook, printNet } from "@hvm/syntax";
import fc from "fast-check";
import { books } from "../tests/arbitrary.js";
import { requestNodeDevice } from "../src/node.js";
import { createWebGpuRuntime } from "../src/runtime.js";

const samples = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
const out = process.argv.indexOf("--out") > 0 ? process.argv[process.argv.indexOf("--out") + 1] : undefined;
const LIMIT = 2000;
const { device, adapterInfo } = await requestNodeDevice();
const rt = createWebGpuRuntime({ device, adapterInfo });
const bad: string[] = [];
let compared = 0;
for (const book of fc.sample(books, { numRuns: samples, seed })) {
  if (validateBook(book).length > 0) continue;
  let compiled;
  try {
    compiled = compileBook(book);
  } catch {
    continue;
  }
  let ref: string;
  let refErr: unknown;
  try {
    const r = runCompiled(compiled, { maxInteractions: LIMIT, memory: 64 << 20 });
    ref = `${printNet(r.net)} ${JSON.stringify(r.stats.byRule)}`;
  } catch (e) {
    refErr = e;
    ref = `error ${(e as Error).message}`;
  }
  let got: string;
  let gotErr: unknown;
  try {
    const r = await rt.run(book, { maxInteractions: LIMIT, memory: 64 << 20 });
    got = `${printNet(r.net)} ${JSON.stringify(r.stats.byRule)}`;
  } catch (e) {
    gotErr = e;
    got = `error ${(e as Error).message}`;
  }
  compared++;
  if (out && compared % 25 === 0) writeFileSync(out, `${rt.name}: ${compared} books compared so far, ${bad.length} mismatches\n${bad.join("\n\n")}`);
  const ok =
    refErr === undefined
      ? got === ref
      : (refErr instanceof TypeErrorPair || refErr instanceof InteractionLimitError) &&
        (gotErr instanceof TypeErrorPair || gotErr instanceof InteractionLimitError || (refErr instanceof InteractionLimitError && gotErr instanceof OutOfMemoryError));
  if (!ok) bad.push(`${printBook(book)}\n  ref: ${ref}\n  gpu: ${got}`);
}
const report = `${rt.name}: ${compared} books compared, ${bad.length} mismatches\n${bad.join("\n\n")}`;
console.log(report);
if (out) writeFileSync(out, report);
device.destroy();
