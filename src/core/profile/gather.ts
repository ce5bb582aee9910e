import type { Column } from "../data/frame.ts";

/**
 * A column's float values at the given rows (NaN = missing; infinities count as missing, as in the
 * numeric summary). Booleans come out as 0 / 1.
 */
export function gatherFloats(col: Column, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  const data = col.data;
  if (data.type === "float") {
    for (let i = 0; i < rows.length; i++) {
      const x = data.values[rows[i]];
      out[i] = x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY ? Number.NaN : x;
    }
  } else {
    out.fill(Number.NaN);
  }
  return out;
}

/** Category codes at the given rows (-1 = missing) and how many codes there are. */
export interface Codes {
  codes: Int32Array;
  levels: number;
}

/**
 * Codes of a categorical-like column at the given rows: dictionary codes, booleans as 0 / 1, and
 * float columns (numeric targets with few values) by distinct value in ascending order.
 */
export function gatherCodes(col: Column, rows: Uint32Array): Codes {
  const codes = new Int32Array(rows.length);
  const data = col.data;
  if (data.type === "dict") {
    for (let i = 0; i < rows.length; i++) codes[i] = data.codes[rows[i]];
    return { codes, levels: data.levels.length };
  }
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = data.values[rows[i]];
  return codesOfFloats(values);
}

/** Distinct non-missing floats become codes 0..k-1 in ascending order of value. */
export function codesOfFloats(values: Float64Array): Codes {
  const distinct = Array.from(new Set(Array.from(values).filter((x) => !Number.isNaN(x)))).sort(
    (a, b) => a - b,
  );
  const index = new Map<number, number>();
  for (let i = 0; i < distinct.length; i++) index.set(distinct[i], i);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    codes[i] = Number.isNaN(x) ? -1 : (index.get(x === 0 ? 0 : x) ?? -1);
  }
  return { codes, levels: distinct.length };
}

/**
 * Keeps the `max` most frequent codes and folds the rest into one extra code, so that tables stay
 * small for columns with many levels.
 */
export function capLevels(c: Codes, max: number): Codes {
  if (c.levels <= max + 1) return c;
  const counts = new Int32Array(c.levels);
  for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) counts[c.codes[i]]++;
  const order = Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
  const map = new Int32Array(c.levels).fill(max);
  for (let r = 0; r < max; r++) map[order[r]] = r;
  const codes = new Int32Array(c.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = c.codes[i] >= 0 ? map[c.codes[i]] : -1;
  return { codes, levels: max + 1 };
}
