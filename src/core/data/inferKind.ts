/**
 * Decides each column's kind from all of its values (never a sample), once the file is read.
 *
 * Numbers (every non-missing value parsed as a number):
 * - id: all integers, no missing, all unique, and either the name looks like an id (`looksLikeIdName`)
 *   or the values are a run 0..n-1 or 1..n (at least 5 rows), or any other run of consecutive
 *   integers (1000, 1001, ...; at least 20 rows, and not named like a time: "year", "month", ...).
 *   Unique prices stay numeric.
 * - numeric otherwise (0/1 columns and 4-digit years included).
 * Strings:
 * - numeric with a unit: every value a currency amount or a percentage with one symbol
 *   ("$2,023.00", "€1.234,50", "74%"; see unitNumbers.ts).
 * - boolean: every value is one spelling pair, any case: true/false, yes/no, y/n, t/f.
 * - datetime: every value is a date (see parseDate.ts; "a/b/yyyy" order decided per column).
 * - categorical, with a `mixed_types` problem: at least half the values are numbers and some are
 *   not (digit strings with leading zeros such as "007" do not count as offending).
 * - id: no missing, every value unique, short (<= 64 chars) and without spaces; in a file of
 *   fewer than 20 rows (3 at least) the name must look like an id or every value hold a digit, so
 *   a handful of distinct words ("S", "M", "L") stays categorical.
 * - text: more than half the values distinct, and long (mean > 20 chars) or mostly containing spaces.
 * - categorical: everything else.
 */
import { matchBoolean } from "./booleans.ts";
import type { BuiltColumn } from "./columnBuilder.ts";
import { type DistinctStats, distinctStats } from "./distinct.ts";
import type { Column, ColumnKind } from "./frame.ts";
import { parseDateColumn } from "./parseDate.ts";
import { parseNumberText } from "./parseNumber.ts";
import { isShared } from "./shareFrame.ts";
import { hasSpace, type TextSums } from "./textSums.ts";
import { readUnitColumn } from "./unitNumbers.ts";

const ID_WORD = /^(id|key|uuid|guid|index|idx|rownames|unnamed: ?0)$/i;
/** "user_id", "user id", "user.id"; camelCase "userId" / "userID" (but not "paid" or "valid"). */
const ID_SUFFIX = /[_\s.-]id$/i;
const ID_CAMEL = /[a-z0-9](Id|ID)$/;

/** Words of a time unit: a run of consecutive years or days is a time axis, not an id. */
const TIME_WORD =
  /^(years?|yr|months?|weeks?|days?|dates?|time|period|quarter|hours?|minutes?|seconds?|epoch|age|step|t)$/;

/** "year", "birth_year", "birthYear", "Day of week": a name with a time word in it. */
function looksLikeTimeName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((w) => TIME_WORD.test(w));
}

/** True for names such as id, ID, user_id, userId, key, uuid, index. */
export function looksLikeIdName(name: string): boolean {
  const n = name.trim();
  return ID_WORD.test(n) || ID_SUFFIX.test(n) || ID_CAMEL.test(n);
}

/** The first non-numeric value of a mostly numeric column. */
export interface MixedTypes {
  row: number;
  value: string;
}

/** A column with its decided kind, and the mixed-types finding if any. */
export interface InferredColumn {
  column: Column;
  mixed: MixedTypes | null;
}

function floatColumn(
  name: string,
  kind: ColumnKind,
  values: Float64Array,
  missing: number,
  unique: number,
): Column {
  return {
    name,
    kind,
    role: kind === "id" ? "id" : "feature",
    data: { type: "float", values },
    missing,
    unique,
  };
}

function allIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
}

/** Kind of a column whose every value is a number or missing. */
function inferNumbers(
  name: string,
  values: Float64Array,
  missing: number,
  stats: DistinctStats | null,
): Column {
  const rows = values.length;
  const { unique, min, max } = stats ?? distinctStats(values);
  const run = max - min === rows - 1;
  const isId =
    missing === 0 &&
    rows > 0 &&
    unique === rows &&
    (looksLikeIdName(name) ||
      (rows >= 5 && (min === 0 || min === 1) && run) ||
      (rows >= 20 && run && !looksLikeTimeName(name))) &&
    allIntegers(values);
  return floatColumn(name, isId ? "id" : "numeric", values, missing, unique);
}

/** String storage of a column as read, before its kind is decided. */
type Strings = Extract<BuiltColumn, { type: "dict" }>;

/** Could `text` be a number? Its first non-space char is a digit, sign, point or "i" (inf). */
function mayBeNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) continue;
    return (
      (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x2c || (c | 0x20) === 0x69
    );
  }
  return false;
}

/** Digits only (with sign and spaces): "007" is a code written with digits, not a word. */
const DIGITS = /^\s*[+-]?\d+\s*$/;

/** Mixed numbers and words: the offending value seen first, when at least half the cells are numbers. */
function findMixed(col: Strings, nonMissing: number, decimalComma: boolean): MixedTypes | null {
  let numbers = 0;
  let first = -1;
  for (let code = 0; code < col.levels.length; code++) {
    const text = col.levels[code];
    const candidate = mayBeNumber(text);
    if (candidate && !Number.isNaN(parseNumberText(text, decimalComma))) numbers += col.counts[code];
    else if ((first < 0 || col.firstRows[code] < col.firstRows[first]) && !(candidate && DIGITS.test(text))) {
      first = code;
    }
  }
  if (numbers === 0 || first < 0 || numbers * 2 < nonMissing) return null;
  return { row: col.firstRows[first], value: col.levels[first] };
}

/**
 * Maps per-level float values onto the rows. Codes read into shared memory (a table for worker
 * threads) give shared values too: a plain array here was copied again by shareFrame (a boolean
 * column at a million rows: 8 MB made twice).
 */
function levelsToFloats(
  codes: Int32Array,
  perLevel: Float64Array,
): { values: Float64Array; missing: number } {
  const values = isShared(codes)
    ? new Float64Array(new SharedArrayBuffer(codes.length * 8))
    : new Float64Array(codes.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    const v = c < 0 ? Number.NaN : perLevel[c];
    values[i] = v;
    if (Number.isNaN(v)) missing++;
  }
  return { values, missing };
}

function textSums(col: Strings): TextSums {
  let chars = 0;
  let spaced = 0;
  let maxLength = 0;
  for (let code = 0; code < col.levels.length; code++) {
    const t = col.levels[code];
    chars += t.length * col.counts[code];
    if (hasSpace(t)) spaced += col.counts[code];
    if (t.length > maxLength) maxLength = t.length;
  }
  return { chars, spaced, maxLength };
}

function textStats(
  col: Strings,
  nonMissing: number,
): { meanLength: number; spaceShare: number; noSpaces: boolean; maxLength: number } {
  // The reader sums these from the level bytes, before the strings exist.
  const { chars, spaced, maxLength } = col.text ?? textSums(col);
  return {
    meanLength: chars / Math.max(1, nonMissing),
    spaceShare: spaced / Math.max(1, nonMissing),
    noSpaces: spaced === 0,
    maxLength,
  };
}

/** Kind of a dictionary-encoded (string) column. */
function inferStrings(name: string, col: Strings, decimalComma: boolean): InferredColumn {
  const { codes, levels, missing } = col;
  const rows = codes.length;
  const unique = levels.length;
  const nonMissing = rows - missing;
  const bool = matchBoolean(levels, col.counts, true);
  if (bool) {
    const { values } = levelsToFloats(codes, bool.values);
    const column = floatColumn(name, "boolean", values, missing, new Set(bool.values).size);
    column.labels = bool.labels;
    return { column, mixed: null };
  }
  const units = readUnitColumn(levels, decimalComma);
  if (units) {
    const { values } = levelsToFloats(codes, units.values);
    const column = floatColumn(name, "numeric", values, missing, new Set(units.values).size);
    column.unit = units.unit;
    return { column, mixed: null };
  }
  const dates = parseDateColumn(levels);
  if (dates) {
    const { values } = levelsToFloats(codes, dates);
    return { column: floatColumn(name, "datetime", values, missing, new Set(dates).size), mixed: null };
  }
  const dictColumn = (kind: ColumnKind): Column => ({
    name,
    kind,
    role: kind === "id" ? "id" : "feature",
    data: { type: "dict", codes, levels },
    missing,
    unique,
  });
  const mixed = findMixed(col, nonMissing, decimalComma);
  if (mixed) return { column: dictColumn("categorical"), mixed };
  const stats = textStats(col, nonMissing);
  if (
    missing === 0 &&
    unique === rows &&
    stats.noSpaces &&
    stats.maxLength <= 64 &&
    (rows >= 20 || (rows >= 3 && (looksLikeIdName(name) || levels.every((l) => /\d/.test(l)))))
  ) {
    return { column: dictColumn("id"), mixed: null };
  }
  if (unique > nonMissing * 0.5 && (stats.meanLength > 20 || stats.spaceShare > 0.5)) {
    return { column: dictColumn("text"), mixed: null };
  }
  return { column: dictColumn("categorical"), mixed: null };
}

/** Decides the kind of a finished column and builds its final storage. */
export function inferColumn(name: string, built: BuiltColumn, decimalComma: boolean): InferredColumn {
  if (built.type === "float") {
    return { column: inferNumbers(name, built.values, built.missing, built.stats), mixed: null };
  }
  return inferStrings(name, built, decimalComma);
}
