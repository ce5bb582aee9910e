import type { Column, ColumnKind, ColumnRole } from "../data/frame.ts";
import { type CategorySummary, countCodes, summarizeCounts } from "./categorySummary.ts";
import { type DatetimeSummary, summarizeDatetime } from "./datetimeSummary.ts";
import { type NumericSummary, summarizeNumeric } from "./numericSummary.ts";
import { summarizeText, type TextSummary } from "./textSummary.ts";

/**
 * Everything the Explore phase shows about one column; plain JSON data. Which sections are present
 * depends on the kind: `numeric` for numeric columns and numeric ids, `categories` for categorical,
 * boolean, text and string-id columns, `text` for text, `datetime` for datetimes.
 */
export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  /** Non-missing cells. */
  count: number;
  missing: number;
  /** missing / rows. */
  missingShare: number;
  /** Distinct non-missing values. */
  distinct: number;
  numeric?: NumericSummary;
  categories?: CategorySummary;
  text?: TextSummary;
  datetime?: DatetimeSummary;
}

/** Profiles one column exactly, over all of its rows. */
export function columnStats(col: Column): ColumnProfile {
  const data = col.data;
  const rows = data.type === "float" ? data.values.length : data.codes.length;
  const base = { name: col.name, kind: col.kind, role: col.role };
  if (data.type === "dict") {
    const counts = countCodes(data.codes, data.levels.length);
    let count = 0;
    let distinct = 0;
    for (let i = 0; i < counts.length; i++) {
      count += counts[i];
      if (counts[i] > 0) distinct++;
    }
    const profile: ColumnProfile = {
      ...base,
      ...missingOf(count, rows),
      distinct,
      categories: summarizeCounts(data.levels, counts),
    };
    if (col.kind === "text") {
      const text = summarizeText(data.levels, counts);
      if (text) profile.text = text;
    }
    return profile;
  }
  if (col.kind === "boolean") return booleanStats(col, data.values, base);
  const scan = summarizeNumeric(data.values);
  const profile: ColumnProfile = { ...base, ...missingOf(scan.count, rows), distinct: scan.distinct };
  if (!scan.summary) return profile;
  if (col.kind === "datetime") {
    profile.datetime = summarizeDatetime(data.values, scan.summary.min, scan.summary.max);
  } else {
    profile.numeric = scan.summary;
  }
  return profile;
}

function missingOf(count: number, rows: number) {
  return { count, missing: rows - count, missingShare: rows > 0 ? (rows - count) / rows : 0 };
}

function booleanStats(
  col: Column,
  values: Float64Array,
  base: Pick<ColumnProfile, "name" | "kind" | "role">,
) {
  const counts = [0, 0];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === 0) counts[0]++;
    else if (!Number.isNaN(x)) counts[1]++;
  }
  const count = counts[0] + counts[1];
  const labels = col.labels ?? ["false", "true"];
  return {
    ...base,
    ...missingOf(count, values.length),
    distinct: (counts[0] > 0 ? 1 : 0) + (counts[1] > 0 ? 1 : 0),
    categories: summarizeCounts(labels, counts),
  } satisfies ColumnProfile;
}
