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
