import type { ColumnProfile } from "../../core/profile/columnStats.ts";
import { formatNumber } from "../charts/formatNumber.ts";
import { formatPercent } from "../shared/format.ts";

export interface StatRow {
  label: string;
  value: string;
}

/** "2012-01-01" for midnight UTC, else "2012-01-01 14:30". */
export function formatIsoShort(iso: string): string {
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
}

const withShare = (n: number, of: number) => `${formatNumber(n)} (${formatPercent(n, of)})`;

/**
 * The statistics of one column as label / value pairs, in reading order: counts for every column,
 * then the summary of its kind. Shared by the column cards and the exported report.
 */
export function columnStatRows(c: ColumnProfile): StatRow[] {
  const rows = c.count + c.missing;
  const out: StatRow[] = [
    { label: "Count", value: formatNumber(c.count) },
    { label: "Missing", value: withShare(c.missing, rows) },
    { label: "Distinct", value: formatNumber(c.distinct) },
  ];
  const n = c.numeric;
  if (n && c.kind !== "datetime") {
    out.push(
      { label: "Mean", value: formatNumber(n.mean) },
      { label: "Std", value: formatNumber(n.std) },
      { label: "Min", value: formatNumber(n.min) },
      { label: "Q1", value: formatNumber(n.q1) },
      { label: "Median", value: formatNumber(n.median) },
      { label: "Q3", value: formatNumber(n.q3) },
      { label: "Max", value: formatNumber(n.max) },
      { label: "Skewness", value: formatNumber(n.skewness) },
      { label: "Kurtosis", value: formatNumber(n.kurtosis) },
      { label: "Zeros", value: withShare(n.zeros, c.count) },
    );
    if (n.infinite > 0) out.push({ label: "Infinite", value: formatNumber(n.infinite) });
  }
  const d = c.datetime;
  if (d) {
    out.push(
      { label: "From", value: formatIsoShort(d.minIso) },
      { label: "To", value: formatIsoShort(d.maxIso) },
      { label: "Span", value: `${formatNumber(Math.round(d.spanDays * 10) / 10)} days` },
    );
  }
  const cat = c.categories;
  if (cat?.mode !== undefined && cat.mode !== null) {
    out.push({ label: "Most frequent", value: `${cat.mode}: ${withShare(cat.modeCount, c.count)}` });
  }
  const t = c.text;
  if (t) {
    out.push(
      {
        label: "Length",
        value: `${formatNumber(t.length.min)} to ${formatNumber(t.length.max)}, median ${formatNumber(t.length.median)}`,
      },
      { label: "Words (mean)", value: formatNumber(t.meanWords) },
    );
    if (t.blank > 0) out.push({ label: "Blank", value: formatNumber(t.blank) });
  }
  return out;
}
