/** Plain-text tables for benchmark output. */

/** One measured figure. */
export interface BenchRow {
  measure: string;
  value: string;
  unit: string;
  note?: string;
}

/** Prints a titled table with aligned columns: measure | value | unit | note. */
export function printTable(title: string, rows: BenchRow[]): void {
  const header: BenchRow = { measure: "measure", value: "value", unit: "unit", note: "note" };
  const all = [header, ...rows];
  const w = (f: (r: BenchRow) => string) => Math.max(...all.map((r) => f(r).length));
  const wm = w((r) => r.measure);
  const wv = w((r) => r.value);
  const wu = w((r) => r.unit);
  const line = (r: BenchRow) =>
    `  ${r.measure.padEnd(wm)}  ${r.value.padStart(wv)}  ${r.unit.padEnd(wu)}  ${r.note ?? ""}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`  ${"-".repeat(wm)}  ${"-".repeat(wv)}  ${"-".repeat(wu)}  ${"-".repeat(4)}`);
  for (const r of rows) console.log(line(r));
}

/** Fixed-point formatting. */
export const fixed = (v: number, digits = 1) => v.toFixed(digits);

/**
 * Rows from a section that reports a flat record: the unit is read off the key's suffix
 * (`_s` seconds, `_ms` milliseconds, `_per_s` per second), the rest is shown as is.
 */
export function recordRows(record: Record<string, string | number>): BenchRow[] {
  return Object.entries(record).map(([key, value]) => {
    const unit = key.endsWith("_per_s") ? "/s" : key.endsWith("_ms") ? "ms" : key.endsWith("_s") ? "s" : "";
    const measure = unit ? key.slice(0, key.length - (unit === "/s" ? 6 : unit === "ms" ? 3 : 2)) : key;
    const shown =
      typeof value === "number" && !Number.isInteger(value) ? value.toPrecision(4) : String(value);
    const label = measure.replace(/_/g, " ");
    // Long text (a list of steps, say) reads better in the note column than as a value.
    if (shown.length > 16) return { measure: label, value: "", unit: "", note: shown };
    return { measure: label, value: shown, unit: unit === "/s" ? "rows/s" : unit };
  });
}
