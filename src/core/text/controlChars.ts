/**
 * Characters that change how text is shown rather than being shown: C0 controls, DEL and C1
 * controls (a terminal obeys ESC and CSI sequences: clear the screen, set the window title, ...)
 * and the bidirectional overrides and isolates that reorder what follows ("invoice\u202Egnp.exe"
 * shows as "invoiceexe.png"). Data is text; these make it lie about itself.
 */

/** C0 (but tab and line feed), DEL, C1, and the bidi embeddings, overrides, isolates and marks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, and tab and line feed too: for text that must stay on one line (a table cell). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r", "\u001b": "\\e" };

function visible(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every control and bidi character written as a visible escape (`\e`, `\x9b`,
 * `\u202e`), for a terminal. With `oneLine`, tab and line feed are escaped as well.
 */
export function escapeControls(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROL_OR_BREAK : CONTROL, visible);
}

/** `text` without any control or bidi character (tab and line feed included): for file names. */
export function stripControls(text: string): string {
  return text.replace(CONTROL_OR_BREAK, "");
}

/** Does `text` hold a control or bidi character (tab and line feed included)? */
export function hasControls(text: string): boolean {
  CONTROL_OR_BREAK.lastIndex = 0;
  const found = CONTROL_OR_BREAK.test(text);
  CONTROL_OR_BREAK.lastIndex = 0;
  return found;
}

const JSON_UNESCAPED = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1, line / paragraph separators and bidi characters written as `\uXXXX`:
 * the same JSON value, safe on a terminal. (JSON.stringify escapes only C0, quote and backslash.)
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_UNESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
