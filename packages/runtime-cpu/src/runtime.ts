/**
 * The public entry points: `runCompiled` (synchronous, used by the CLI and
 * tests) and `createCpuRuntime` (ir's Runtime interface, name "cpu").
 */
import {
  type Book,
  type CompiledBook,
  DEFAULT_ENTRY,
  type RunOptions,
  type RunResult,
  type Runtime,
  compileBook,
} from "@hvm/ir";
import { MissingEntryError } from "./errors.js";
import { Reducer } from "./reducer.js";

function entryIndex(book: CompiledBook, entry: string): number {
  const i = book.index.get(entry);
  if (i === undefined) throw new MissingEntryError(entry, book.names);
  return i;
}

/** Normalise a compiled book from its entry (default `main`) and read the result back. */
export function runCompiled(book: CompiledBook, opts: RunOptions = {}): RunResult {
  const entry = entryIndex(book, opts.entry ?? DEFAULT_ENTRY);
  const reducer = new Reducer(book, opts);
  reducer.normalize(entry);
  return { net: reducer.readback(), stats: reducer.stats() };
}

/** Like runCompiled, but lets the event loop run about every 100 ms of reduction. */
export async function runCompiledAsync(book: CompiledBook, opts: RunOptions = {}): Promise<RunResult> {
  const entry = entryIndex(book, opts.entry ?? DEFAULT_ENTRY);
  const reducer = new Reducer(book, opts);
  const it = reducer.steps(entry);
  while (!it.next().done) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return { net: reducer.readback(), stats: reducer.stats() };
}

/** The single-thread reference runtime. */
export function createCpuRuntime(): Runtime {
  return {
    name: "cpu",
    async run(book: Book, opts: RunOptions = {}): Promise<RunResult> {
      const compiled = compileBook(book, { entry: opts.entry ?? DEFAULT_ENTRY });
      return runCompiledAsync(compiled, opts);
    },
    async dispose(): Promise<void> {},
  };
}
