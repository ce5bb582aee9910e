/**
 * The one CSV writer: every CSV file the app or the CLI writes goes through here.
 *
 * Fields holding a delimiter (",", ";", tab), a quote or a line break are quoted (RFC 4180).
 * Spreadsheet formulas are neutralised as the OWASP advice on CSV injection says: a text field
 * that begins with "=", "+", "-", "@", tab or carriage return gets a single quote in front and is
 * quoted, so Excel, LibreOffice and Google Sheets show it as text and never evaluate it. A text
 * field that is a plain decimal number ("-1.5", "+3", "2e-4") is left as it is: a spreadsheet
 * reads it as that number and computes nothing. Numbers are written as numbers; non-finite ones
 * (NaN, Infinity) as an empty field.
 */

/** A cell: text, a number, or null / undefined for an empty field. */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One text field, neutralised and quoted as needed. */
export function csvText(value: string): string {
  const formula = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
  const text = formula ? `'${value}` : value;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Shortest round-tripping text of a finite number; empty for NaN and infinities. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "";
}

/** One field of any cell type. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "number" ? csvNumber(cell) : csvText(cell);
}

/** A header and rows as CSV text, comma separated, "\n" line ends, a final line end. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvText).join(",")];
  for (const row of rows) lines.push(row.map(csvField).join(","));
  return `${lines.join("\n")}\n`;
}
