/**
 * Run every example in one mode and print the results:
 *   pnpm --filter @hvm/accelerate examples -- --mode cpu
 * Modes: gpu, cpu, sequential, debug (default: gpu when an adapter exists, else cpu).
 */
import { accelerate, type Mode } from "../src/node.js";
import { EXAMPLES } from "./index.js";

const arg = process.argv.indexOf("--mode");
const mode = arg >= 0 ? (process.argv[arg + 1] as Mode) : undefined;
let failed = 0;
for (const ex of EXAMPLES) {
  const run = await accelerate.run(ex.expr, { ...(mode ? { mode } : {}), scope: ex.scope ?? {} });
  const ok = JSON.stringify(run.value) === JSON.stringify(ex.expected);
  if (!ok) failed++;
  const stats = run.stats ? ` ${run.stats.interactions} interactions on ${run.runtime}` : "";
  process.stdout.write(`${ok ? "ok  " : "FAIL"} [${run.mode}] ${ex.name}: ${JSON.stringify(run.value)}${stats}\n`);
}
process.exitCode = failed > 0 ? 1 : 0;
await accelerate.dispose();
