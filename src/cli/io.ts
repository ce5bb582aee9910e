/** Where commands write, so tests can capture output without spawning a process. */
export interface Io {
  /** Writes text to stdout (a newline is added when missing). */
  out(text: string): void;
  /** Writes one line to stderr. */
  err(text: string): void;
}

const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

export const nodeIo: Io = {
  out: (text) => void process.stdout.write(line(text)),
  err: (text) => void process.stderr.write(line(text)),
};
