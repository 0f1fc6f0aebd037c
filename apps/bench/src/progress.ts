/**
 * Node-only progress display: a cli-progress bar on a terminal, one line per
 * finished case otherwise (CI logs, pipes).
 */
import cliProgress from "cli-progress";
import { formatRate } from "./format.js";
import type { BenchProgram, CaseResult, RuntimeTarget } from "./model.js";
import type { SuiteEvents } from "./suite.js";

export interface ProgressDisplay extends SuiteEvents {
  stop(): void;
}

function caseLine(r: CaseResult): string {
  if (r.status === "ok") return `${r.program} on ${r.runtime}: ${formatRate(r.interactionsPerSecond)}`;
  return `${r.program} on ${r.runtime}: ${r.status === "WRONG" ? "WRONG" : "ERROR"} (${r.reason ?? "unknown"})`;
}

export function createProgress(totalCases: number, stream: NodeJS.WriteStream, interactive: boolean): ProgressDisplay {
  let finished = 0;
  if (!interactive) {
    return {
      onCaseDone: (r) => stream.write(`[${++finished}/${totalCases}] ${caseLine(r)}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {cases} | {label} {runs}",
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalCases, 0, { cases: `0/${totalCases}`, label: "", runs: "" });
  return {
    onCaseStart: (p: BenchProgram, t: RuntimeTarget) => bar.update({ label: `${p.name} on ${t.id}`, runs: "" }),
    onRun: (done, total) => bar.update({ runs: `run ${done}/${total}` }),
    onCaseDone: () => {
      finished++;
      bar.update(finished, { cases: `${finished}/${totalCases}` });
    },
    stop: () => bar.stop(),
  };
}
