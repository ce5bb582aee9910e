/**
 * Boolean spellings. A column is boolean when all its values are one of these pairs (any case);
 * the file's own spellings are kept as the column's labels. 0/1 is deliberately not a pair:
 * a 0/1 column stays numeric.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ["false", "true"],
  ["no", "yes"],
  ["n", "y"],
  ["f", "t"],
];

/** A boolean reading of a column's levels. */
export interface BooleanMatch {
  /** 0, 1 or NaN (not part of the pair) per level. */
  values: Float64Array;
  /** The file's spellings of false and true. */
  labels: [string, string];
}

/** Spells `word` in the case style of `like` ("YES" -> "NO", "Yes" -> "No", "yes" -> "no"). */
function sameCase(word: string, like: string): string {
  if (like.length > 0 && like === like.toUpperCase() && like !== like.toLowerCase())
    return word.toUpperCase();
  if (like[0] && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) {
    return word[0].toUpperCase() + word.slice(1);
  }
  return word;
}

/**
 * Matches levels against the boolean pairs. `strict`: every level must belong to one pair (type
 * inference). Otherwise the pair covering the most cells wins, "0"/"1" also count, and other
 * levels map to NaN (a user's explicit conversion).
 */
export function matchBoolean(
  levels: readonly string[],
  counts: ArrayLike<number>,
  strict: boolean,
): BooleanMatch | null {
  // Case variants of one pair are few; a long level list is never boolean.
  if (strict && levels.length > 16) return null;
  const lower = levels.map((l) => l.trim().toLowerCase());
  let best = -1;
  let bestCells = 0;
  for (let p = 0; p < PAIRS.length; p++) {
    let cells = 0;
    let all = true;
    for (let i = 0; i < lower.length; i++) {
      if (lower[i] === PAIRS[p][0] || lower[i] === PAIRS[p][1]) cells += counts[i];
      else all = false;
    }
    if (strict && !all) continue;
    if (cells > bestCells) {
      best = p;
      bestCells = cells;
    }
  }
  if (best < 0) {
    if (strict) return null;
    best = 0;
  }
  const pair = PAIRS[best];
  const values = new Float64Array(levels.length).fill(Number.NaN);
  const spell: [string, number][] = [
    ["", -1],
    ["", -1],
  ];
  for (let i = 0; i < lower.length; i++) {
    let side = lower[i] === pair[0] ? 0 : lower[i] === pair[1] ? 1 : -1;
    if (side < 0 && !strict) side = lower[i] === "0" ? 0 : lower[i] === "1" ? 1 : -1;
    if (side < 0) continue;
    values[i] = side;
    if (lower[i] === pair[side] && counts[i] > spell[side][1]) spell[side] = [levels[i].trim(), counts[i]];
  }
  const f = spell[0][1] >= 0 ? spell[0][0] : sameCase(pair[0], spell[1][0]);
  const t = spell[1][1] >= 0 ? spell[1][0] : sameCase(pair[1], spell[0][0]);
  return { values, labels: [f, t] };
}
