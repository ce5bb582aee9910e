/** A numeric column scaled to 0..1 by its own range, with that range kept for the axis labels. */
export interface NormalisedColumn {
  name: string;
  min: number;
  max: number;
  /** (v - min) / (max - min); 0.5 for a constant column; null where missing. */
  values: (number | null)[];
}

/** Min-max scaling per column, as parallel coordinates need: every axis spans its own range. */
export function normaliseColumn(name: string, values: readonly (number | null)[]): NormalisedColumn {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { name, min: Number.NaN, max: Number.NaN, values: values.map(() => null) };
  const range = max - min;
  return {
    name,
    min,
    max,
    values: values.map((v) =>
      v === null || !Number.isFinite(v) ? null : range > 0 ? (v - min) / range : 0.5,
    ),
  };
}
