/**
 * Re-types a column when the user overrides its kind. Values go through their display text where
 * the layouts differ (numbers as their shortest form, datetimes as ISO, booleans as the file's own
 * labels), so converting there and back gives the original values.
 */
import { matchBoolean } from "./booleans.ts";
import { distinctStats } from "./distinct.ts";
import type { Column, ColumnData, ColumnKind, ColumnRole } from "./frame.ts";
import { detectDayFirst, formatDate, parseDate } from "./parseDate.ts";
import { parseNumberText } from "./parseNumber.ts";
import { readUnitColumn, withUnit } from "./unitNumbers.ts";

/** Display text of a non-missing float value of `col`. */
function floatText(col: Column, v: number): string {
  if (col.kind === "datetime") return formatDate(v);
  if (col.kind === "boolean") return col.labels ? col.labels[v ? 1 : 0] : v ? "true" : "false";
  return withUnit(String(v), col.unit);
}

function roleFor(col: Column, kind: ColumnKind): ColumnRole {
  if (kind === "id") return "id";
  return col.role === "id" ? "feature" : col.role;
}

function floatData(values: Float64Array): { data: ColumnData; missing: number; unique: number } {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  return { data: { type: "float", values }, missing, unique: distinctStats(values).unique };
}

/** Spreads one value per level (NaN = missing) onto the rows. */
function mapLevels(codes: Int32Array, perLevel: ArrayLike<number>): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? Number.NaN : perLevel[codes[i]];
  return out;
}

function levelCounts(codes: Int32Array, levels: number): Int32Array {
  const counts = new Int32Array(levels);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  return counts;
}

/** Dictionary storage holding only the levels in use, in order of first appearance. */
function toDictData(col: Column): { data: ColumnData; missing: number; unique: number } {
  const n = col.data.type === "float" ? col.data.values.length : col.data.codes.length;
  const codes = new Int32Array(n);
  const levels: string[] = [];
  const byText = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < n; i++) {
    let text: string | null;
    if (col.data.type === "float") {
      const v = col.data.values[i];
      text = !Number.isNaN(v) ? floatText(col, v) : null;
    } else {
      const c = col.data.codes[i];
      text = c < 0 ? null : col.data.levels[c];
    }
    if (text === null) {
      codes[i] = -1;
      missing++;
      continue;
    }
    let code = byText.get(text);
    if (code === undefined) {
      code = levels.length;
      levels.push(text);
      byText.set(text, code);
    }
    codes[i] = code;
  }
  return { data: { type: "dict", codes, levels }, missing, unique: levels.length };
}

/**
 * A number from level text: decimal point first, then decimal comma ("3,14"). Infinite values
 * ("inf", "1e999") are missing, as the reader makes them in a numeric column.
 */
function textToNumber(text: string): number {
  let v = parseNumberText(text);
  if (Number.isNaN(v)) v = parseNumberText(text, true);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Years ("2020") and compact dates ("20200105") for numbers turned into datetimes. */
function numberToDate(v: number): number {
  if (!Number.isInteger(v)) return Number.NaN;
  if (v >= 1000 && v <= 9999) return Date.UTC(v, 0, 1);
  if (v >= 10000101 && v <= 99991231) {
    return parseDate(`${Math.floor(v / 10000)}-${Math.floor(v / 100) % 100}-${v % 100}`);
  }
  return Number.NaN;
}

/**
 * A copy of `col` as `kind`: numeric parses text (unparseable → missing), categorical / text take
 * display text, datetime parses text (or years / YYYYMMDD numbers), boolean matches the usual
 * spellings or 0/1, id keeps numbers as numbers and text as text. Missing and unique are recounted.
 */
export function convertColumn(col: Column, kind: ColumnKind): Column {
  const base = { name: col.name, kind, role: roleFor(col, kind) };
  const float = col.data.type === "float" ? col.data.values : null;
  const dict = col.data.type === "dict" ? col.data : null;

  if (kind === "categorical" || kind === "text" || (kind === "id" && (dict || col.kind !== "numeric"))) {
    return { ...base, ...toDictData(col) };
  }
  if (kind === "numeric" || kind === "id") {
    if (float) return { ...base, ...floatData(float.slice()), ...(col.unit ? { unit: col.unit } : {}) };
    // Amounts and percentages ("$5", "74%") keep their unit; other text parses as plain numbers.
    const units = kind === "numeric" ? readUnitColumn(dict!.levels, false) : null;
    if (units) return { ...base, ...floatData(mapLevels(dict!.codes, units.values)), unit: units.unit };
    return { ...base, ...floatData(mapLevels(dict!.codes, dict!.levels.map(textToNumber))) };
  }
  if (kind === "datetime") {
    let values: Float64Array;
    if (dict) {
      const dayFirst = detectDayFirst(dict.levels) ?? false;
      values = mapLevels(
        dict.codes,
        dict.levels.map((t) => parseDate(t, dayFirst)),
      );
    } else if (col.kind === "datetime") values = float!.slice();
    else if (col.kind === "boolean") values = new Float64Array(float!.length).fill(Number.NaN);
    else values = float!.map(numberToDate);
    return { ...base, ...floatData(values) };
  }
  // boolean
  if (dict) {
    const match = matchBoolean(dict.levels, levelCounts(dict.codes, dict.levels.length), false)!;
    const values = mapLevels(dict.codes, match.values);
    return { ...base, ...floatData(values), labels: match.labels };
  }
  const values = float!.map((v) => (v === 0 ? 0 : v === 1 ? 1 : Number.NaN));
  const labels: [string, string] = col.kind === "boolean" && col.labels ? col.labels : ["0", "1"];
  if (col.kind === "datetime") values.fill(Number.NaN);
  return { ...base, ...floatData(values), labels };
}
