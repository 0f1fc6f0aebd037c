/**
 * Live progress for long runs: one updating line on stderr (interactions,
 * MIPS, nodes), shown only when stderr is a TTY and the run has lasted more
 * than a second. Driven by the runtime's onProgress callback, so it also
 * works while a synchronous reducer keeps the event loop busy.
 */
import type { Progress } from "@hvm/ir";

const DELAY_MS = 1000;
const EVERY_MS = 100;

export interface ProgressLine {
  readonly onProgress: (p: Progress) => void;
  /** Erase the line (if one was drawn). */
  readonly done: () => void;
}

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean): ProgressLine {
  const start = Date.now();
  let last = 0;
  let drawn = false;
  const onProgress = (p: Progress): void => {
    if (!enabled) return;
    const now = Date.now();
    if (now - start < DELAY_MS || now - last < EVERY_MS) return;
    last = now;
    const mips = p.seconds > 0 ? p.interactions / p.seconds / 1e6 : 0;
    const text = `reducing: ${p.interactions.toLocaleString("en-US")} interactions, ${mips.toFixed(2)} MIPS, ${p.nodes.toLocaleString("en-US")} nodes`;
    stream.write(`\r${text}\x1b[K`);
    drawn = true;
  };
  const done = (): void => {
    if (drawn) stream.write("\r\x1b[K");
    drawn = false;
  };
  return { onProgress, done };
}
