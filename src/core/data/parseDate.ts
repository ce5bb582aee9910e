/**
 * Dates and datetimes from text, as epoch milliseconds (UTC; a time without a zone is taken as UTC).
 *
 * Accepted: ISO "2020-01-05", "2020-01-05T13:45", "2020-01-05 13:45:10.5+02:00"; "2020/01/05";
 * "2020-01" (first of the month); "05.01.2020" (always day-first); "1/5/2020" and "1-5-2020",
 * month-first or day-first as decided per column (`detectDayFirst`); month names: "Jan 5 2020",
 * "January 5, 2020", "5 Jan 2020", "05-Jan-2020". Any of them may carry a time, with AM/PM.
 * A bare year ("2020") is not a date: such a column is numeric.
 */

const TIME = String.raw`(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]m)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const YM = /^(\d{4})-(\d{2})$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4})${TIME}$`, "i");
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, "i");
const MONTH_FIRST = new RegExp(
  String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  "i",
);
const DAY_FIRST_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})${TIME}$`,
  "i",
);

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const DAY_MS = 86_400_000;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Epoch ms for a validated calendar date, or NaN. */
function dateMs(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  if (y >= 100) return Date.UTC(y, m - 1, d);
  // Date.UTC maps years 0-99 to 1900-1999.
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getTime();
}

/** Adds the optional time groups (hour, minute, second, fraction, am/pm, zone) starting at `g`. */
function withTime(day: number, m: RegExpExecArray, g: number): number {
  if (Number.isNaN(day) || m[g] === undefined) return day;
  let hour = Number(m[g]);
  const minute = Number(m[g + 1]);
  const second = m[g + 2] === undefined ? 0 : Number(m[g + 2]);
  const frac = m[g + 3] === undefined ? 0 : Number(`0.${m[g + 3]}`);
  const ampm = m[g + 4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (ampm === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offset = 0;
  const zone = m[g + 5];
  if (zone && zone[0] !== "Z" && zone[0] !== "z" && !/^(utc|gmt)$/i.test(zone)) {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const zh = Number(digits.slice(0, 2));
    const zm = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (zh > 14 || zm > 59) return Number.NaN;
    offset = sign * (zh * 60 + zm) * 60_000;
  }
  return day + ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(frac * 1000) - offset;
}

/**
 * Parses one date or datetime; NaN when the text is not one. `dayFirst` decides "1/5/2020"-style
 * values (month-first by default, the US and pandas convention).
 */
export function parseDate(text: string, dayFirst = false): number {
  const t = text.trim();
  if (t.length < 6 || t.length > 64) return Number.NaN;
  let m = YMD.exec(t);
  if (m) return withTime(dateMs(+m[1], +m[3], +m[4]), m, 5);
  m = YEAR_LAST.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    return withTime(dayFirst ? dateMs(+m[4], b, a) : dateMs(+m[4], a, b), m, 5);
  }
  m = DOTTED.exec(t);
  if (m) return withTime(dateMs(+m[3], +m[2], +m[1]), m, 4);
  m = YM.exec(t);
  if (m) return dateMs(+m[1], +m[2], 1);
  m = MONTH_FIRST.exec(t);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? withTime(dateMs(+m[3], month, +m[2]), m, 4) : Number.NaN;
  }
  m = DAY_FIRST_NAME.exec(t);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? withTime(dateMs(+m[3], month, +m[1]), m, 4) : Number.NaN;
  }
  return Number.NaN;
}

/**
 * Decides the order of "a/b/yyyy" values for a whole column: day-first when some first part is
 * over 12, month-first when some second part is, month-first when every value is ambiguous;
 * null when the column has both (not one date format).
 */
export function detectDayFirst(texts: Iterable<string>): boolean | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const text of texts) {
    const m = YEAR_LAST.exec(text.trim());
    if (!m) continue;
    if (+m[1] > 12) dayFirst = true;
    if (+m[3] > 12) monthFirst = true;
    if (dayFirst && monthFirst) return null;
  }
  return dayFirst;
}

/**
 * Epoch ms for every text when all of them are dates under one column-wide order, else null.
 * Missing texts are not passed here. Stops at the first text that is not a date.
 */
export function parseDateColumn(texts: readonly string[]): Float64Array | null {
  if (texts.length === 0) return null;
  // Most string columns are not dates: reject them on their first value before the column-wide scan.
  if (Number.isNaN(parseDate(texts[0], false)) && Number.isNaN(parseDate(texts[0], true))) return null;
  const dayFirst = detectDayFirst(texts);
  if (dayFirst === null) return null;
  const out = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const v = parseDate(texts[i], dayFirst);
    if (Number.isNaN(v)) return null;
    out[i] = v;
  }
  return out;
}

/** Display form: "2012-01-01" at midnight UTC, else "2012-01-01 13:45:00" (".250" when there are ms). */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  const iso = new Date(ms).toISOString(); // 2012-01-01T13:45:00.000Z, or +012345-... for far years
  const tpos = iso.indexOf("T");
  const day = iso.slice(0, tpos);
  if (((ms % DAY_MS) + DAY_MS) % DAY_MS === 0) return day;
  const frac = ms % 1000 === 0 ? "" : iso.slice(tpos + 9, tpos + 13);
  return `${day} ${iso.slice(tpos + 1, tpos + 9)}${frac}`;
}
