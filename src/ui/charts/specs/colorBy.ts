import type * as Plot from "@observablehq/plot";
import { MAX_CATEGORIES } from "./axis.ts";

/** A column to colour marks by (usually the target), aligned with the plotted rows. */
export interface SeriesColor {
  label: string;
  values: readonly (string | number | null)[];
}

export const MISSING_LABEL = "(missing)";

/** d3's schemeObservable10, spelled out so an HTML legend can match the marks' colours. */
export const CATEGORY_COLORS = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
  "#1f4e79",
  "#c2410c",
] as const;
export const OTHER_LABEL = "Other";

/**
 * The colour scale for a series: categories (the most frequent MAX_CATEGORIES - 1, the rest as
 * "Other") on an ordinal scheme, numbers on a continuous one. The type is explicit so that
 * categories that happen to be colour names ("red") are not painted as those colours.
 */
export function colorScale(c: SeriesColor): {
  scale: Plot.ScaleOptions;
  value: (v: string | number | null) => string | number | null;
} {
  const numeric = c.values.some((v) => typeof v === "number");
  if (numeric) {
    return {
      scale: { type: "linear", scheme: "viridis", label: c.label, legend: true },
      value: (v) => (typeof v === "number" ? v : null),
    };
  }
  const counts = new Map<string, number>();
  for (const v of c.values) {
    const k = v === null ? MISSING_LABEL : String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
  const keep = ranked.length > MAX_CATEGORIES ? ranked.slice(0, MAX_CATEGORIES - 1) : ranked;
  const kept = new Set(keep);
  const domain = ranked.length > keep.length ? [...keep.sort(), OTHER_LABEL] : keep.sort();
  return {
    scale: { type: "ordinal", domain, range: [...CATEGORY_COLORS], label: c.label, legend: true },
    value: (v) => {
      const k = v === null ? MISSING_LABEL : String(v);
      return kept.has(k) ? k : OTHER_LABEL;
    },
  };
}
