/**
 * Numbers straight from field bytes. The fast path reads sign, digits, point and exponent and, for
 * at most 15 significant digits and a power of ten up to 22, computes the value exactly
 * (Clinger, "How to read floating point numbers accurately", 1990: both factors are exact doubles,
 * so one rounding gives the correctly rounded result). Anything longer goes through Number().
 *
 * Not numbers on purpose: integers with leading zeros ("007", "00123": zip codes and ids keep
 * their text) and thousands separators in decimal-point files ("1,234").
 */

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const DOT = 0x2e;
const COMMA = 0x2c;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Set by every `parseNumberBytes`: d when the value was computed as mant / 10^d (mant below 10^15,
 * one correctly rounded division) or as mant * 10^e (d = 0), else -1. The column builder uses it
 * to count distinct values cheaply (see `distinctOfDecimals`).
 */
export const lastParse = { decimals: -1 };

/** Matches "inf" / "infinity" (any case) at `buf[i..end)`. */
function isInfinity(buf: Uint8Array, i: number, end: number): boolean {
  const n = end - i;
  if (n !== 3 && n !== 8) return false;
  const word = "infinity";
  for (let k = 0; k < n; k++) if ((buf[i + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Parses `buf[start..end)` as a number; NaN when it is not one. Leading and trailing spaces are
 * allowed. With `decimalComma`, "," is the decimal separator and "." groups thousands ("1.234,5");
 * a "." not followed by exactly three digits is still read as a decimal point.
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  lastParse.decimals = -1;
  while (start < end && (buf[start] === 0x20 || buf[start] === 0x09)) start++;
  while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
  if (decimalComma) return parseGrouped(buf, start, end);
  let i = start;
  let c = buf[i];
  const neg = c === 0x2d;
  if (neg || c === 0x2b) c = buf[++i];
  if (i >= end) return Number.NaN;
  // Leading zero: an identifier ("007"), not a quantity.
  if (c === 0x30 && i + 1 < end && isDigit(buf[i + 1])) return Number.NaN;
  // Unsigned compare: one test for "is a digit".
  let mant = 0;
  const intStart = i;
  while (i < end && (c = buf[i] - 0x30) >>> 0 <= 9) {
    mant = mant * 10 + c;
    i++;
  }
  let digits = i - intStart;
  let exp10 = 0;
  if (i < end && buf[i] === DOT) {
    const fracStart = ++i;
    while (i < end && (c = buf[i] - 0x30) >>> 0 <= 9) {
      mant = mant * 10 + c;
      i++;
    }
    exp10 = fracStart - i;
    digits += i - fracStart;
  }
  if (digits === 0) {
    if (i < end && (buf[i] | 0x20) === 0x69 && isInfinity(buf, i, end)) return neg ? -Infinity : Infinity;
    return Number.NaN;
  }
  if (i < end) {
    const e = readExponent(buf, i, end);
    if (Number.isNaN(e)) return Number.NaN;
    exp10 += e;
  }
  // Up to 15 digits the mantissa is exact, so with |exp10| <= 22 one division or product rounds
  // correctly; leading zeros ("0.000123") only make this test stricter than it needs to be.
  if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
    const v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
    lastParse.decimals = exp10 >= 0 ? 0 : -exp10;
    return neg ? -v : v;
  }
  return slowPath(buf, start, end, false);
}

/** Reads "e5", "E-3" at `i` to the end; NaN when malformed. */
function readExponent(buf: Uint8Array, i: number, end: number): number {
  const c = buf[i];
  if (c !== 0x65 && c !== 0x45) return Number.NaN;
  i++;
  let neg = false;
  if (i < end && (buf[i] === 0x2d || buf[i] === 0x2b)) {
    neg = buf[i] === 0x2d;
    i++;
  }
  if (i >= end) return Number.NaN;
  let e = 0;
  for (; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d >>> 0 > 9) return Number.NaN;
    if (e < 100000) e = e * 10 + d;
  }
  return neg ? -e : e;
}

/** The decimal-comma reading: "3,14", "1.234,5", "-1.234.567". */
function parseGrouped(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = buf[i];
  const neg = c === 0x2d;
  if (neg || c === 0x2b) c = buf[++i];
  if (i >= end) return Number.NaN;
  if (c === 0x30 && i + 1 < end && isDigit(buf[i + 1])) return Number.NaN;
  let mant = 0;
  let digits = 0;
  let exp10 = 0;
  let grouped = false;
  let inFraction = false;
  for (; i < end; i++) {
    c = buf[i];
    if (isDigit(c)) {
      mant = mant * 10 + (c - 0x30);
      digits++;
      if (inFraction) exp10--;
    } else if (c === COMMA && !inFraction) {
      inFraction = true;
    } else if (c === DOT && !inFraction && digits > 0) {
      // A thousands group is exactly three digits, then a non-digit or the end.
      const group =
        i + 3 < end &&
        isDigit(buf[i + 1]) &&
        isDigit(buf[i + 2]) &&
        isDigit(buf[i + 3]) &&
        (i + 4 === end || !isDigit(buf[i + 4]));
      if (group) grouped = true;
      else if (grouped) return Number.NaN;
      else inFraction = true; // "1.5" in a decimal-comma file: a plain decimal point
    } else break;
  }
  if (digits === 0) {
    if (i < end && (buf[i] | 0x20) === 0x69 && isInfinity(buf, i, end)) return neg ? -Infinity : Infinity;
    return Number.NaN;
  }
  if (i < end) {
    const e = readExponent(buf, i, end);
    if (Number.isNaN(e)) return Number.NaN;
    exp10 += e;
  }
  if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
    const v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
    lastParse.decimals = exp10 >= 0 ? 0 : -exp10;
    return neg ? -v : v;
  }
  return slowPath(buf, start, end, true);
}

/** Normalises the bytes to JavaScript number syntax and lets Number() round them. */
function slowPath(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  // Grouping dots vanish; a decimal-point dot (no comma anywhere) stays.
  const dropDots = decimalComma && buf.subarray(start, end).includes(COMMA);
  let s = "";
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === DOT && dropDots) continue;
    s += c === COMMA ? "." : String.fromCharCode(c);
  }
  return Number(s);
}

let scratch = new Uint8Array(64);

/** `parseNumberBytes` for a string (levels, user input); non-ASCII text is never a number. */
export function parseNumberText(text: string, decimalComma = false): number {
  const n = text.length;
  if (n > scratch.length) scratch = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return Number.NaN;
    scratch[i] = c;
  }
  return parseNumberBytes(scratch, 0, n, decimalComma);
}
