/**
 * Where a command writes. The binary uses the process streams; tests and
 * other hosts can pass their own.
 */
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
