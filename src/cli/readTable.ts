/**
 * What every command that takes a CSV shares: its arguments (FILE, --json, --delimiter,
 * --drop-ragged plus the command's own options) and reading the file with the app's reader, with
 * one plain sentence for a file that cannot be read as a table.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { CsvResult, Delimiter, ReadCsvOptions } from "../core/data/csvTypes.ts";
import { readCsv } from "../core/data/readCsv.ts";
import type { Io } from "./io.ts";

/** Exit status for "this file cannot be read as a table" (also used for bad arguments). */
export const UNREADABLE = 2;

const DELIMITERS: Record<string, Delimiter> = {
  ",": ",",
  ";": ";",
  "|": "|",
  tab: "\t",
  "\t": "\t",
  "\\t": "\t",
};

export interface TableArgs {
  file: string;
  json: boolean;
  options: ReadCsvOptions;
  /** Values of the command's own options that take a value, by name without dashes. */
  values: Record<string, string>;
}

/**
 * Parses `args`; `valued` names the command's own options that take a value (e.g. ["target"]).
 * Returns the sentence explaining what is wrong, or the parsed arguments.
 */
export function parseTableArgs(command: string, args: string[], valued: string[]): TableArgs | string {
  const files: string[] = [];
  let json = false;
  const options: ReadCsvOptions = {};
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const flag = a.startsWith("--") ? (eq > 0 ? a.slice(2, eq) : a.slice(2)) : null;
    const takeValue = () => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (a === "--json") json = true;
    else if (a === "--drop-ragged") options.raggedRows = "drop";
    else if (flag === "delimiter") {
      const value = takeValue();
      const d = value === undefined ? undefined : DELIMITERS[value];
      if (!d)
        return `The delimiter must be one of , ; | tab (got ${value === undefined ? "nothing" : JSON.stringify(value)}).`;
      options.delimiter = d;
    } else if (flag !== null && valued.includes(flag)) {
      const value = takeValue();
      if (value === undefined || value === "") return `--${flag} needs a value.`;
      values[flag] = value;
    } else if (a.startsWith("-") && a !== "-")
      return `Unknown option "${a}" for ${command}. Run "automl-playground help ${command}".`;
    else files.push(a);
  }
  if (files.length !== 1) {
    return files.length === 0
      ? `${command} needs a CSV file, as in "automl-playground ${command} data.csv".`
      : `${command} reads one file at a time.`;
  }
  return { file: files[0], json, options, values };
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

/** Reads `file` as a table, or writes why it cannot and returns the exit status. */
export async function readTableFile(
  file: string,
  options: ReadCsvOptions,
  io: Io,
): Promise<CsvResult | number> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      io.err(`"${file}" is a folder, not a CSV file.`);
      return UNREADABLE;
    }
    return await readCsv(createReadStream(file, { highWaterMark: 1 << 20 }), {
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
}
