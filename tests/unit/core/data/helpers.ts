/** Shared helpers for the CSV reader tests. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CsvResult, ReadCsvOptions } from "../../../../src/core/data/csvTypes.ts";
import type { Column, Frame } from "../../../../src/core/data/frame.ts";
import { formatCell } from "../../../../src/core/data/preview.ts";
import { readCsv } from "../../../../src/core/data/readCsv.ts";

/** Absolute path of a file under tests/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** The bytes as an async iterable of `size`-byte chunks (1 = every byte its own chunk). */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** Reads bytes (or UTF-8 text) in chunks of `size`. */
export function readChunked(
  input: Uint8Array | string,
  size = 1 << 16,
  opts?: ReadCsvOptions,
): Promise<CsvResult> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  return readCsv(chunksOf(bytes, size), opts);
}

export function column(frame: Frame, name: string): Column {
  const c = frame.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column ${name}; have ${frame.columns.map((col) => col.name).join(", ")}`);
  return c;
}

/** Display values of a column, null for missing. */
export function cells(frame: Frame, name: string): (string | null)[] {
  const c = column(frame, name);
  return Array.from({ length: frame.rows }, (_, r) => formatCell(c, r));
}

/** Raw float values of a float column. */
export function floats(frame: Frame, name: string): number[] {
  const c = column(frame, name);
  if (c.data.type !== "float") throw new Error(`${name} is ${c.data.type}`);
  return Array.from(c.data.values);
}

/** Name -> kind for every column. */
export function kinds(frame: Frame): Record<string, string> {
  return Object.fromEntries(frame.columns.map((c) => [c.name, c.kind]));
}

/** A comparable summary of a whole result, for "same answer whatever the chunking" tests. */
export function summary(result: CsvResult) {
  const { frame, report } = result;
  return {
    report,
    columns: frame.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      missing: c.missing,
      unique: c.unique,
      cells: Array.from({ length: frame.rows }, (_, r) => formatCell(c, r)),
    })),
  };
}
