import { formatInt, plural } from "../shared/format.ts";

/** "Preview on a sample of 5,000 of 1,200,000 rows (seed 0)", or "on all 344 rows" when it is every row. */
export function previewNote(view: { sampleSize: number; totalRows: number }, seed: number): string {
  return view.sampleSize < view.totalRows
    ? `Preview on a sample of ${formatInt(view.sampleSize)} of ${formatInt(view.totalRows)} rows (seed ${seed})`
    : `Preview on all ${plural(view.totalRows, "row")} (seed ${seed})`;
}

/** "45 feature columns". */
export function featureCountText(n: number): string {
  return plural(n, "feature column");
}

/** "a, b, c and 4 more"; "—" for none. */
export function namesText(names: readonly string[], max = 3): string {
  if (names.length === 0) return "—";
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** "12 ms", "1.3 s". */
export function durationText(ms: number): string {
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
