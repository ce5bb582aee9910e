import { escapeControls } from "../core/text/controlChars.ts";

/** Where commands write, so tests can capture output without spawning a process. */
export interface Io {
  /** Writes text to stdout (a newline is added when missing). */
  out(text: string): void;
  /** Writes one line to stderr. */
  err(text: string): void;
}

const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/**
 * Messages are for people: control characters in them (a file or column name with an ANSI escape)
 * are shown as visible escapes. Standard output is escaped the same way when it is a terminal;
 * piped to a file or program it stays the data it is (predict's CSV).
 */
export const nodeIo: Io = {
  out: (text) => void process.stdout.write(line(process.stdout.isTTY ? escapeControls(text) : text)),
  err: (text) => void process.stderr.write(line(escapeControls(text))),
};
