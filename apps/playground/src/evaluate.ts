/**
 * Parse, run and print: the part of a run shared by the CPU worker and the
 * WebGPU path on the page.
 */
import { ValidationError, type Progress, type Runtime } from "@hvm/ir";
import { parseBook, printNet } from "@hvm/syntax";
import type { RunOutcome } from "./protocol.js";

export interface EvaluateOptions {
  readonly file: string;
  readonly entry: string;
  readonly maxInteractions?: number;
  readonly memory?: number;
  readonly signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

export async function evaluate(rt: Runtime, source: string, opts: EvaluateOptions): Promise<RunOutcome> {
  const book = parseBook(source, opts.file);
  const def = book.defs.find((d) => d.name === opts.entry);
  if (!def) {
    throw new ValidationError([{ code: "E_ENTRY_MISSING", message: `no @${opts.entry} definition: add one, it is where the run starts` }]);
  }
  const result = await rt.run(book, {
    entry: opts.entry,
    maxInteractions: opts.maxInteractions,
    memory: opts.memory,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  return { runtime: rt.name, normalForm: printNet(result.net), stats: result.stats, before: def.net, after: result.net };
}
