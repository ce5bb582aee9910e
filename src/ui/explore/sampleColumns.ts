import type { ColumnProfile } from "../../core/profile/columnStats.ts";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import type { SeriesColor } from "../charts/specs/colorBy.ts";

/** Most distinct values a column may have to serve as groups in a chart. */
export const MAX_GROUP_LEVELS = 50;

/** A numeric column of the plot sample (numbers and datetimes), or null. */
export function numbersOf(sample: PlotSample, name: string): (number | null)[] | null {
  const col = sample.columns.find((c) => c.name === name);
  return col?.type === "number" ? col.values : null;
}

/** A text-valued column of the plot sample (categories, booleans, text), or null. */
export function stringsOf(sample: PlotSample, name: string): (string | null)[] | null {
  const col = sample.columns.find((c) => c.name === name);
  return col?.type === "string" ? col.values : null;
}

/** Numeric measurements worth plotting: not identifiers, not constant. */
export function isMeasure(c: ColumnProfile): boolean {
  return c.kind === "numeric" && c.role !== "id" && c.distinct >= 2 && c.numeric !== undefined;
}

/** Categorical or yes/no columns with few enough values to group by. */
export function isGrouping(c: ColumnProfile): boolean {
  return (
    (c.kind === "categorical" || c.kind === "boolean") && c.distinct >= 2 && c.distinct <= MAX_GROUP_LEVELS
  );
}

export function measureNames(profile: FrameProfile): string[] {
  return profile.columns.filter(isMeasure).map((c) => c.name);
}

export function groupingNames(profile: FrameProfile): string[] {
  return profile.columns.filter(isGrouping).map((c) => c.name);
}

/** The target as a colour series, when there is one and it is in the sample. */
export function targetColor(sample: PlotSample, target: string | null): SeriesColor | undefined {
  if (!target) return undefined;
  const col = sample.columns.find((c) => c.name === target);
  return col ? { label: target, values: col.values } : undefined;
}

/** A numeric column with just two values (0/1 flags and the like): a grouping, not a measurement. */
export function isTwoValued(c: ColumnProfile): boolean {
  return isMeasure(c) && c.distinct === 2;
}

/** Numeric measurements with more than two values, the ones a scatter or a box plot can show. */
export function continuousNames(profile: FrameProfile): string[] {
  return profile.columns.filter((c) => isMeasure(c) && !isTwoValued(c)).map((c) => c.name);
}

/** Columns to group numbers by: categorical and yes/no columns, and numeric columns of two values. */
export function boxGroupNames(profile: FrameProfile): string[] {
  return profile.columns.filter((c) => isGrouping(c) || isTwoValued(c)).map((c) => c.name);
}

/** A column of the plot sample as group labels: its text, or its numbers written out. */
export function groupValuesOf(sample: PlotSample, name: string): (string | null)[] | null {
  const col = sample.columns.find((c) => c.name === name);
  if (!col) return null;
  if (col.type === "string") return col.values;
  return col.values.map((v) => (v === null ? null : String(v)));
}

/**
 * The first scatter: the two numeric columns of more than two values with the strongest Pearson
 * correlation (two 0/1 columns make a scatter of four dots); without a correlation, the two with
 * the most distinct values.
 */
export function strongestPair(profile: FrameProfile): [string, string] | null {
  const m = profile.correlations.pearson;
  const continuous = profile.columns.filter((c) => isMeasure(c) && !isTwoValued(c));
  const allowed = new Set(continuous.map((c) => c.name));
  let best: [string, string] | null = null;
  let bestR = -1;
  for (let i = 0; i < m.columns.length; i++) {
    for (let j = i + 1; j < m.columns.length; j++) {
      const r = m.values[i][j];
      if (r === null || !allowed.has(m.columns[i]) || !allowed.has(m.columns[j])) continue;
      if (Math.abs(r) > bestR) {
        bestR = Math.abs(r);
        best = [m.columns[i], m.columns[j]];
      }
    }
  }
  if (best) return best;
  const byDistinct = [...(continuous.length >= 2 ? continuous : profile.columns.filter(isMeasure))].sort(
    (a, b) => b.distinct - a.distinct,
  );
  return byDistinct.length >= 2 ? [byDistinct[0].name, byDistinct[1].name] : null;
}
