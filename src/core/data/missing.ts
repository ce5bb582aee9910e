/**
 * Spellings of "no value" (case-insensitive, after trimming). "None" is deliberately absent: it is
 * a real category in some data (e.g. Ames' Mas_Vnr_Type).
 */
export const MISSING_MARKERS: readonly string[] = [
  "",
  "na",
  "n/a",
  "null",
  "nan",
  "?",
  "#n/a",
  "<na>",
  "-nan",
];

/** True when the string is a missing marker. */
export function isMissingText(s: string): boolean {
  const t = s.trim();
  return t.length <= 4 && MISSING_MARKERS.includes(t.toLowerCase());
}

const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

/** Byte version of `isMissingText` for already-trimmed field bytes; no string is made. */
export function isMissingBytes(buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n === 0) return true;
  if (n > 4) return false;
  const a = lower(buf[start]);
  const b = n > 1 ? lower(buf[start + 1]) : 0;
  const c = n > 2 ? lower(buf[start + 2]) : 0;
  const d = n > 3 ? lower(buf[start + 3]) : 0;
  switch (n) {
    case 1:
      return a === 0x3f; // ?
    case 2:
      return a === 0x6e && b === 0x61; // na
    case 3:
      return a === 0x6e && ((b === 0x2f && c === 0x61) || (b === 0x61 && c === 0x6e)); // n/a, nan
    default:
      return (
        (a === 0x6e && b === 0x75 && c === 0x6c && d === 0x6c) || // null
        (a === 0x23 && b === 0x6e && c === 0x2f && d === 0x61) || // #n/a
        (a === 0x3c && b === 0x6e && c === 0x61 && d === 0x3e) || // <na>
        (a === 0x2d && b === 0x6e && c === 0x61 && d === 0x6e) // -nan
      );
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;

/** Start of `buf[start..end)` without leading spaces and tabs. */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  while (start < end && isSpace(buf[start])) start++;
  return start;
}

/** End of `buf[start..end)` without trailing spaces and tabs. */
export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  while (end > start && isSpace(buf[end - 1])) end--;
  return end;
}
