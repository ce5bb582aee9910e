/** Text measures shared by the column builders and kind inference (kept apart so neither imports the other). */

/** Whitespace as the text heuristics count it. */
export function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000) return true;
  }
  return false;
}

/** Per column: cells x level length summed, cells whose level has a space, the longest level. */
export interface TextSums {
  chars: number;
  spaced: number;
  maxLength: number;
}
