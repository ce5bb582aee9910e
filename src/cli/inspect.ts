/**
 * `inspect FILE [--json]`: reads a CSV with the same reader the app uses and shows each column's
 * kind, missing and distinct counts, and the problems found.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { CsvResult, Delimiter, ReadCsvOptions } from "../core/data/csvTypes.ts";
import { readCsv } from "../core/data/readCsv.ts";
import type { Io } from "./io.ts";

export const INSPECT_HELP = `Usage: automl-playground inspect FILE [options]

Reads FILE as a CSV table and shows its columns (kind, missing, unique) and any problems.

Options:
  --json             print one JSON object: {rows, delimiter, encoding, decimal, columns, problems}
  --delimiter D      use D instead of guessing: , ; | or tab
  --drop-ragged      drop rows with too few or too many fields (they are padded or cut by default)
`;

const DELIMITERS: Record<string, Delimiter> = {
  ",": ",",
  ";": ";",
  "|": "|",
  tab: "\t",
  "\t": "\t",
  "\\t": "\t",
};

/** Exit status for "this file cannot be read as a table" (also used for bad arguments). */
const UNREADABLE = 2;

interface InspectArgs {
  file: string;
  json: boolean;
  options: ReadCsvOptions;
}

/** Parses the arguments, or returns the sentence explaining what is wrong with them. */
function parseArgs(args: string[]): InspectArgs | string {
  const files: string[] = [];
  let json = false;
  const options: ReadCsvOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--drop-ragged") options.raggedRows = "drop";
    else if (a === "--delimiter" || a.startsWith("--delimiter=")) {
      const value = a === "--delimiter" ? args[++i] : a.slice("--delimiter=".length);
      const d = value === undefined ? undefined : DELIMITERS[value];
      if (!d)
        return `The delimiter must be one of , ; | tab (got ${value === undefined ? "nothing" : JSON.stringify(value)}).`;
      options.delimiter = d;
    } else if (a.startsWith("-") && a !== "-")
      return `Unknown option "${a}" for inspect. Run "automl-playground help inspect".`;
    else files.push(a);
  }
  if (files.length !== 1) {
    return files.length === 0
      ? 'inspect needs a CSV file, as in "automl-playground inspect data.csv".'
      : "inspect reads one file at a time.";
  }
  return { file: files[0], json, options };
}

/** One plain sentence for a file-system error, or null for other errors. */
function fileProblem(err: unknown, file: string): string | null {
  const code = (err as { code?: string } | null)?.code;
  if (code === "ENOENT") return `Cannot read "${file}": there is no such file.`;
  if (code === "EISDIR") return `"${file}" is a folder, not a CSV file.`;
  if (code === "EACCES" || code === "EPERM") return `Cannot read "${file}": permission denied.`;
  if (typeof code === "string" && code.startsWith("E")) return `Cannot read "${file}" (${code}).`;
  return null;
}

export async function inspect(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.err(parsed);
    return UNREADABLE;
  }
  const { file, json, options } = parsed;
  let result: CsvResult;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      io.err(`"${file}" is a folder, not a CSV file.`);
      return UNREADABLE;
    }
    result = await readCsv(createReadStream(file, { highWaterMark: 1 << 20 }), {
      ...options,
      totalBytes: info.size,
    });
  } catch (err) {
    const sentence =
      (err as Error | null)?.name === "ParseError" ? (err as Error).message : fileProblem(err, file);
    if (sentence === null) throw err;
    io.err(sentence);
    return UNREADABLE;
  }
  io.out(json ? JSON.stringify(toJson(result), null, 2) : toText(file, result));
  return 0;
}

/** The `--json` shape: stable keys other tools rely on. */
export function toJson({ frame, report }: CsvResult) {
  return {
    rows: frame.rows,
    delimiter: report.delimiter,
    encoding: report.encoding,
    decimal: report.decimal,
    columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind, missing: c.missing, unique: c.unique })),
    problems: report.problems.map((p) => ({ row: p.row, column: p.column, message: p.message })),
  };
}

const delimiterName = (d: Delimiter) => (d === "\t" ? "tab" : `"${d}"`);

function table(rows: string[][], rightAligned: boolean[]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (rightAligned[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join("  ")
      .trimEnd(),
  );
}

/** The human-readable report: a summary line, an aligned column table, then problems. */
export function toText(file: string, { frame, report }: CsvResult): string {
  const lines = [
    `${file}: ${frame.rows} rows, ${frame.columns.length} columns; delimiter ${delimiterName(report.delimiter)}, ` +
      `decimal "${report.decimal}", ${report.encoding}`,
    "",
  ];
  const rows = [["#", "column", "kind", "missing", "unique"]];
  frame.columns.forEach((c, i) => {
    rows.push([String(i + 1), c.name, c.kind, String(c.missing), String(c.unique)]);
  });
  lines.push(...table(rows, [true, false, false, true, true]).map((l) => `  ${l}`));
  if (report.droppedRows > 0) lines.push("", `${report.droppedRows} ragged rows were dropped.`);
  const counts = Object.entries(report.problemCounts);
  const total = counts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (total === 0) {
    lines.push("", "No problems found.");
    return lines.join("\n");
  }
  lines.push("", `Problems (${total}):`);
  for (const p of report.problems) {
    const where = p.column !== null && !p.message.includes(`"${p.column}"`) ? ` [column "${p.column}"]` : "";
    lines.push(`  ${p.message}${where}`);
  }
  if (report.problems.length < total) {
    const byType = counts.map(([type, n]) => `${n} ${type.replace(/_/g, " ")}`).join(", ");
    lines.push(`  ... ${total - report.problems.length} more not listed (in all: ${byType}).`);
  }
  return lines.join("\n");
}
