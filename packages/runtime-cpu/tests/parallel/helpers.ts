/** Shared helpers of the cpu-parallel tests. */
import { type Book, type RunResult, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { type CorpusProgram, loadCorpus } from "../../../../examples/corpus.js";

export const corpus: CorpusProgram[] = loadCorpus();
/** Heavy programs run only with HVM_HEAVY=1 (each is over 50M interactions). */
export const withHeavy = process.env.HVM_HEAVY === "1";
export const light = corpus.filter((p) => withHeavy || !p.heavy);

export const book = (src: string): Book => parseBook(src);

/** What a run prints with -s, minus TIME and MIPS: the normal form and the counts. */
export function summary(r: RunResult): { normalForm: string; rwts: number; byRule: RunResult["stats"]["byRule"] } {
  return { normalForm: printNet(r.net), rwts: r.stats.interactions, byRule: r.stats.byRule };
}

/** The parallel programs of the corpus (trees of independent recursive calls). */
export const parallelPrograms = corpus.filter((p) => ["sum-tree", "loops-2x3", "tree-sum-3", "scott-tree", "rec-sum-10"].includes(p.name));
