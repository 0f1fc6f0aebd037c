/**
 * What `run` prints: the canonical normal form, then (with --stats) one stat
 * per line, or (with --json) one JSON object.
 */
import { RULE_CLASSES, type RunResult } from "@hvm/ir";
import { printNet } from "@hvm/syntax";

/** The stats block: `RWTS   : N`, `- ANNI : N` .. `- OPER : N`, `TIME   : S s`, `MIPS   : M`. */
export function formatStats(stats: RunResult["stats"]): string {
  const lines = [`RWTS   : ${stats.interactions}`];
  for (const rule of RULE_CLASSES) lines.push(`- ${rule} : ${stats.byRule[rule]}`);
  lines.push(`TIME   : ${stats.seconds.toFixed(3)} s`);
  lines.push(`MIPS   : ${stats.mips.toFixed(2)}`);
  return lines.join("\n");
}

/** Normal form, then the stats when asked: exactly what `hvm-cli run -s` writes to stdout. */
export function formatResult(result: RunResult, withStats: boolean): string {
  const text = printNet(result.net);
  return withStats ? `${text}\n${formatStats(result.stats)}\n` : `${text}\n`;
}

export interface JsonResult {
  readonly normalForm: string;
  readonly stats: RunResult["stats"];
  readonly runtime: string;
}

export function formatJson(result: RunResult, runtime: string): string {
  const out: JsonResult = { normalForm: printNet(result.net), stats: result.stats, runtime };
  return `${JSON.stringify(out)}\n`;
}
