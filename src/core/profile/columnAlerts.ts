import type { Column } from "../data/frame.ts";
import { parseNumberText } from "../data/parseNumber.ts";
import { isSkewed } from "../framing/skewness.ts";
import { formatNumber, formatShare } from "../util/format.ts";
import { ALERT_SEVERITY, type Alert, type AlertType } from "./alertTypes.ts";
import { countCodes } from "./categorySummary.ts";
import type { ColumnProfile } from "./columnStats.ts";

/** More than this share of missing cells is an alert. */
export const HIGH_MISSING_SHARE = 0.2;
/** A categorical column with more levels than this, or than half its (20+) values, is high-cardinality. */
export const HIGH_CARDINALITY_LEVELS = 50;
export const HIGH_CARDINALITY_SHARE = 0.5;
/** |skewness| above this on 10+ values is an alert; the one threshold, shared with the metric proposal. */
export { SKEW_THRESHOLD } from "../framing/skewness.ts";
/** More than this share of zeros, in a numeric column with more than two values. */
export const ZEROS_SHARE = 0.1;
/** A categorical column whose values are more than this share numbers has mixed types. */
export const MIXED_NUMBER_SHARE = 0.8;
/** Row-count floor for the heuristic identifier rule (tiny tables are unique everywhere). */
const ID_MIN_ROWS = 10;

const ID_WORD = /^(id|key|uuid|guid|index|idx|row|rownum|row_?id|record_?id|unnamed:?\s*\d*|#|)$/i;
const ID_SUFFIX = /[_\s.-](id|key|uuid|guid|idx|no|num|number)$|^id[_\s.-]/i;
/** camelCase only, case-sensitive: "PassengerId", "orderNo", but not "paid" or "casino". */
const ID_CAMEL = /[a-z0-9](Id|ID|Key|No)$/;

/** True for a column name that reads as an identifier: "id", "customer_id", "PassengerId", "Unnamed: 0". */
export function isIdName(name: string): boolean {
  const n = name.trim();
  return ID_WORD.test(n) || ID_SUFFIX.test(n) || ID_CAMEL.test(n);
}

const pct = formatShare;
const num = formatNumber;

function alert(column: string, type: AlertType, message: string, evidence: Alert["evidence"]): Alert {
  return { column, type, severity: ALERT_SEVERITY[type], message, evidence };
}

/**
 * Identifier-like: declared as an id, or one distinct whole number / string per row with an id-ish
 * name or a run of consecutive numbers, or codes with a digit ("cust-00001") distinct in 90% of rows.
 */
export function idLikeAlert(col: Column, p: ColumnProfile): Alert | null {
  const name = p.name;
  const evidence = { distinct: p.distinct, count: p.count };
  if (p.kind === "id") {
    return alert(
      name,
      "id_like",
      `"${name}" is an identifier column (${p.distinct} distinct values in ${p.count} rows): it names rows, it does not describe them.`,
      evidence,
    );
  }
  if (p.count < ID_MIN_ROWS) return null;
  const unique = p.distinct === p.count;
  const idName = isIdName(name);
  if (p.numeric && col.kind === "numeric") {
    if (!p.numeric.integer || !(unique || (idName && p.distinct >= 0.95 * p.count))) return null;
    const consecutive = unique && p.numeric.max - p.numeric.min + 1 === p.count;
    if (!idName && !consecutive) return null;
    const why = consecutive
      ? `runs through consecutive numbers ${num(p.numeric.min)} to ${num(p.numeric.max)}`
      : "has a different whole number in almost every row";
    return alert(name, "id_like", `"${name}" looks like a row identifier: it ${why}.`, {
      ...evidence,
      consecutive,
      idName,
    });
  }
  if (col.data.type === "dict" && (col.kind === "categorical" || col.kind === "text")) {
    // Codes such as "cust-00001" stay identifiers when a few rows repeat (duplicated records).
    const codes = !unique && p.distinct >= MOSTLY_UNIQUE * p.count && codeTokens(col.data.levels);
    const uniqueish = unique || (idName && p.distinct >= 0.95 * p.count) || codes;
    if (!uniqueish || (!unique && !idName && !codes)) return null;
    // Unique free text (reviews, names) is not an identifier; unique single tokens are.
    if (col.kind === "text" && !idName && !singleTokens(col.data.levels)) return null;
    return alert(
      name,
      "id_like",
      `"${name}" looks like a row identifier: ${p.distinct} distinct values in ${p.count} rows.`,
      { ...evidence, consecutive: false, idName },
    );
  }
  return null;
}

/** A column of codes this unique is an identifier, whatever its name: a few repeats are duplicated rows. */
const MOSTLY_UNIQUE = 0.9;

/** True when (a sample of) the values are single tokens holding a digit: "cust-00001", "A17-3". */
function codeTokens(levels: readonly string[]): boolean {
  const step = Math.max(1, Math.floor(levels.length / 200));
  for (let i = 0; i < levels.length; i += step) if (!/^\S*\d\S*$/.test(levels[i].trim())) return false;
  return true;
}

/** True when (a sample of) the values are single tokens without spaces, such as codes or keys. */
function singleTokens(levels: readonly string[]): boolean {
  const step = Math.max(1, Math.floor(levels.length / 200));
  for (let i = 0; i < levels.length; i += step) if (/\s/.test(levels[i].trim())) return false;
  return true;
}

/** Alerts about one column on its own. Constant and identifier columns get only that alert. */
export function columnAlerts(col: Column, p: ColumnProfile): Alert[] {
  const name = p.name;
  const rows = p.count + p.missing;
  if (p.distinct <= 1) {
    const message =
      p.count === 0
        ? `"${name}" has no values: all ${rows} rows are missing.`
        : `"${name}" has the same value (${p.categories?.mode ?? (p.numeric ? num(p.numeric.min) : (p.datetime?.minIso ?? ""))}) in every one of its ${p.count} non-missing rows.`;
    return [alert(name, "constant", message, { distinct: p.distinct, count: p.count, missing: p.missing })];
  }
  const out: Alert[] = [];
  if (p.missingShare > HIGH_MISSING_SHARE) {
    out.push(
      alert(
        name,
        "high_missing",
        `"${name}" is missing in ${p.missing} of ${rows} rows (${pct(p.missingShare)}).`,
        {
          missing: p.missing,
          share: p.missingShare,
        },
      ),
    );
  }
  const id = idLikeAlert(col, p);
  if (id) return [...out, id];
  if (
    p.kind === "categorical" &&
    (p.distinct > HIGH_CARDINALITY_LEVELS || (p.count >= 20 && p.distinct > HIGH_CARDINALITY_SHARE * p.count))
  ) {
    out.push(
      alert(
        name,
        "high_cardinality",
        `"${name}" has ${p.distinct} distinct values in ${p.count} rows: too many to one-hot encode as they are.`,
        {
          distinct: p.distinct,
          count: p.count,
        },
      ),
    );
  }
  const mixed = mixedTypesAlert(col, p);
  if (mixed) out.push(mixed);
  const s = p.numeric;
  if (s && p.kind === "numeric" && p.distinct > 2) {
    if (s.skewness !== null && p.count >= 10 && isSkewed(s.skewness)) {
      const side = s.skewness > 0 ? "a long right tail" : "a long left tail";
      out.push(
        alert(
          name,
          "skewed",
          `"${name}" is skewed (skewness ${s.skewness.toFixed(2)}): ${side}, median ${num(s.median)} against mean ${num(s.mean)}.`,
          {
            skewness: s.skewness,
            mean: s.mean,
            median: s.median,
          },
        ),
      );
    }
    if (s.zerosShare > ZEROS_SHARE) {
      out.push(
        alert(name, "zeros", `"${name}" is 0 in ${s.zeros} of ${p.count} rows (${pct(s.zerosShare)}).`, {
          zeros: s.zeros,
          share: s.zerosShare,
        }),
      );
    }
  }
  return out;
}

/** A categorical or text column whose values are mostly numbers: a few stray strings kept it from being numeric. */
export function mixedTypesAlert(col: Column, p: ColumnProfile): Alert | null {
  if (col.data.type !== "dict" || (col.kind !== "categorical" && col.kind !== "text") || p.count === 0)
    return null;
  const { levels, codes } = col.data;
  const counts = countCodes(codes, levels.length);
  let numbers = 0;
  let example = -1;
  for (let i = 0; i < levels.length; i++) {
    if (counts[i] === 0) continue;
    if (Number.isFinite(parseNumberText(levels[i].trim()))) numbers += counts[i];
    else if (example < 0 || counts[i] > counts[example]) example = i;
  }
  const share = numbers / p.count;
  if (example < 0 || share <= MIXED_NUMBER_SHARE) return null;
  const other = p.count - numbers;
  return alert(
    p.name,
    "mixed_types",
    `"${p.name}" was read as ${p.kind} but ${pct(share)} of its values are numbers; ${other} ${other === 1 ? "value is" : "values are"} not, e.g. "${levels[example]}".`,
    { numberShare: share, nonNumbers: other, example: levels[example] },
  );
}
