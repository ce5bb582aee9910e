/** Shared look and layout rules of the chart specs: colours, label lengths, tick formats. */

/** Most categories one chart shows; the rest are folded into "Other" or left out, and the text says so. */
export const MAX_CATEGORIES = 12;
/** Longest tick label in characters before it is cut with an ellipsis. */
export const MAX_LABEL = 22;
/** Average glyph width of Plot's 10px sans-serif, to size margins for labels. */
const CHAR_PX = 6.2;

export const COLORS = {
  bar: "#1f4e79",
  accent: "#2a6fb0",
  other: "#9aa5b4",
  trend: "#c2410c",
  muted: "#6b7483",
} as const;

/** "a very long column name" -> "a very long colu…" */
export function truncateLabel(s: unknown, max = MAX_LABEL): string {
  const text = String(s ?? "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Tick labels for a set of names that stay told apart: a long name keeps its start and its end
 * around a middle ellipsis ("Garage_Yr…_Finish_Date"), since names often share a prefix; a name whose
 * cut would still match another's is shown in full. Keyed by name.
 */
export function distinctLabels(names: readonly string[], max = MAX_LABEL): Map<string, string> {
  const cut = (s: string) => {
    if (s.length <= max) return s;
    const head = Math.ceil((max - 1) / 2);
    return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
  };
  const labels = names.map(cut);
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(l, (uses.get(l) ?? 0) + 1);
  return new Map(names.map((n, i) => [n, (uses.get(labels[i]) ?? 0) > 1 ? n : labels[i]]));
}

/** Room for a band axis's own label, which Plot writes rotated at the far left. */
export const BAND_LABEL_PX = 20;

/** Pixels the longest (truncated) label needs, plus padding; at least `min`. */
export function labelWidth(labels: readonly string[], max = MAX_LABEL, min = 40): number {
  let longest = 0;
  for (const l of labels) longest = Math.max(longest, Math.min(max, l.length));
  return Math.max(min, Math.ceil(longest * CHAR_PX) + 14);
}

/**
 * d3-format for a numeric axis: SI prefixes ("20k", "1.5M") once numbers reach 10,000, so ticks stay
 * short; Plot's default (with separators) below that.
 */
export function numberTickFormat(lo: number, hi: number): string | undefined {
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  return Number.isFinite(m) && m >= 10_000 ? "~s" : undefined;
}

/**
 * Tick options for a numeric axis: SI prefixes from 10,000, and for whole numbers (counts, years)
 * ticks only on whole values when the span is short and no thousands separator between 1000 and
 * 9999, so a year reads "2008", not "2,008" or "2,007.5".
 */
export function numberTicks(
  lo: number,
  hi: number,
  integer = false,
): { tickFormat?: string; ticks?: number[] } {
  const format = numberTickFormat(lo, hi);
  if (!integer || !Number.isFinite(lo) || !Number.isFinite(hi)) return { tickFormat: format };
  const out: { tickFormat?: string; ticks?: number[] } = { tickFormat: format };
  const yearLike = lo >= 1000 && hi <= 9999.5;
  if (hi - lo <= 12) {
    out.ticks = [];
    for (let v = Math.ceil(lo); v <= Math.floor(hi); v++) out.ticks.push(v);
    // Explicit ticks would otherwise be formatted to the step's precision ("2.0").
    if (!format) out.tickFormat = yearLike ? "d" : ",d";
  }
  if (!format && yearLike) out.tickFormat = "d";
  return out;
}

/** True when every finite value is a whole number. */
export function allIntegers(values: Iterable<number | null | undefined>): boolean {
  for (const v of values)
    if (typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)) return false;
  return true;
}

/** Smallest and largest finite value; [NaN, NaN] when there is none. */
export function extent(values: Iterable<number | null | undefined>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** A text mark stand-in for a chart without data, so an empty chart says why instead of showing a blank box. */
export const NO_DATA = "No values to plot";
