/**
 * The terminal side of the CLI: where commands write (the process streams,
 * or whatever a host or a test passes), and the live progress line.
 *
 * Progress: one updating line on stderr (interactions, MIPS, nodes), shown
 * only when stderr is a TTY and the run has lasted more than a second. It is
 * driven by the runtime's onProgress callback, so it also works while a
 * reducer keeps the event loop busy between its yields.
 */
import type { Progress } from "@hvm/ir";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The stream progress lines go to, when it is a TTY. */
  readonly progressStream?: NodeJS.WriteStream;
}

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progressStream: process.stderr.isTTY ? process.stderr : undefined,
});

const DELAY_MS = 1000;
const EVERY_MS = 100;

export interface ProgressLine {
  readonly onProgress: (p: Progress) => void;
  /** Erase the line (if one was drawn). */
  readonly done: () => void;
}

/** A progress line on `io.progressStream`; does nothing when there is none. */
export function progressLine(io: Io): ProgressLine {
  const stream = io.progressStream;
  const start = Date.now();
  let last = 0;
  let drawn = false;
  const onProgress = (p: Progress): void => {
    if (!stream) return;
    const now = Date.now();
    if (now - start < DELAY_MS || now - last < EVERY_MS) return;
    last = now;
    const mips = p.seconds > 0 ? p.interactions / p.seconds / 1e6 : 0;
    const text = `reducing: ${p.interactions.toLocaleString("en-US")} interactions, ${mips.toFixed(2)} MIPS, ${p.nodes.toLocaleString("en-US")} nodes`;
    stream.write(`\r${text}\x1b[K`);
    drawn = true;
  };
  const done = (): void => {
    if (drawn && stream) stream.write("\r\x1b[K");
    drawn = false;
  };
  return { onProgress, done };
}
