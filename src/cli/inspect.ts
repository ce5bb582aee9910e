/**
 * `inspect FILE [--json]`: reads a CSV with the same reader the app uses and shows each column's
 * kind, missing and distinct counts, and the problems found.
 */
import type { CsvResult, Delimiter } from "../core/data/csvTypes.ts";
import { escapeControls, escapeJsonControls } from "../core/text/controlChars.ts";
import type { Io } from "./io.ts";
import { parseTableArgs, readTableFile, UNREADABLE } from "./readTable.ts";

export const INSPECT_HELP = `Usage: automl-playground inspect FILE [options]

Reads FILE as a CSV table and shows its columns (kind, missing, unique) and any problems.

Options:
  --json             print one JSON object: {rows, delimiter, encoding, decimal, columns, problems}
  --delimiter D      use D instead of guessing: , ; | or tab
  --drop-ragged      drop rows with too few or too many fields (they are padded or cut by default)
`;

export async function inspect(args: string[], io: Io): Promise<number> {
  const parsed = parseTableArgs("inspect", args, []);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const result = await readTableFile(parsed.file, parsed.options, io);
  if (typeof result === "number") return result;
  io.out(
    parsed.json ? escapeJsonControls(JSON.stringify(toJson(result), null, 2)) : toText(parsed.file, result),
  );
  return 0;
}

/** The `--json` shape: stable keys other tools rely on. */
export function toJson({ frame, report }: CsvResult) {
  return {
    rows: frame.rows,
    delimiter: report.delimiter,
    encoding: report.encoding,
    decimal: report.decimal,
    columns: frame.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      ...(c.unit ? { unit: c.unit } : {}),
      missing: c.missing,
      unique: c.unique,
    })),
    problems: report.problems.map((p) => ({ row: p.row, column: p.column, message: p.message })),
  };
}

const delimiterName = (d: Delimiter) => (d === "\t" ? "tab" : `"${d}"`);

/** A name or value from the file, on one line with its control characters visible ("\\e[2J"). */
export const shown = (text: string) => escapeControls(text, true);

/** Rows of cells laid out in aligned columns; cells are escaped first, so widths count what shows. */
export function table(cells: string[][], rightAligned: boolean[]): string[] {
  const rows = cells.map((r) => r.map(shown));
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (rightAligned[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * The human-readable report: a summary line, an aligned column table, then problems. Names and
 * values from the file show control and bidi characters as visible escapes: a column name cannot
 * clear the terminal, set its title or reorder the line.
 */
export function toText(file: string, { frame, report }: CsvResult): string {
  const lines = [
    `${shown(file)}: ${frame.rows} rows, ${frame.columns.length} columns; delimiter ${delimiterName(report.delimiter)}, ` +
      `decimal "${report.decimal}", ${report.encoding}`,
    "",
  ];
  const rows = [["#", "column", "kind", "missing", "unique"]];
  frame.columns.forEach((c, i) => {
    rows.push([
      String(i + 1),
      c.name,
      c.unit ? `${c.kind} (${c.unit})` : c.kind,
      String(c.missing),
      String(c.unique),
    ]);
  });
  lines.push(...table(rows, [true, false, false, true, true]).map((l) => `  ${l}`));
  if (report.droppedRows > 0) lines.push("", `${report.droppedRows} ragged rows were dropped.`);
  const counts = Object.entries(report.problemCounts);
  const total = counts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (total === 0) {
    lines.push("", "No problems found.");
    return escapeControls(lines.join("\n"));
  }
  lines.push("", `Problems (${total}):`);
  for (const p of report.problems) {
    const where = p.column !== null && !p.message.includes(`"${p.column}"`) ? ` [column "${p.column}"]` : "";
    lines.push(`  ${shown(p.message)}${shown(where)}`);
  }
  if (report.problems.length < total) {
    const byType = counts.map(([type, n]) => `${n} ${type.replace(/_/g, " ")}`).join(", ");
    lines.push(`  ... ${total - report.problems.length} more not listed (in all: ${byType}).`);
  }
  // Every piece from the file was escaped above; this keeps it so whatever is added later.
  return escapeControls(lines.join("\n"));
}
