/**
 * Numbers written with a unit: currency amounts ("$2,023.00", "€1.234,50", "-$5", "12 €") and
 * percentages ("74%", "-3.5 %"). A column whose values are all such numbers (some may lack the
 * symbol, such as "0") with one symbol throughout is numeric, and the symbol is kept on the column
 * (`unit`) so the values show as they were written.
 *
 * A percentage reads as the number written: "74%" is 74 (unit "%"), not 0.74, so what the app shows
 * matches the file and a model's coefficients read in the file's terms.
 */

/** Symbols recognised as a unit, before or after the number. */
const SYMBOLS = "$€£¥₹%";
const FIELD = new RegExp(`^([+-]?)\\s*([${SYMBOLS}]?)\\s*([+-]?)\\s*([\\d.,]+)\\s*([${SYMBOLS}]?)$`);
/** Thousands in groups of three with "," and a "." decimal point ("2,023.00", "2023.5", ".5"). */
const POINT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
/** The European writing: "." groups, "," is the decimal separator ("1.234,50", "12,5"). */
const COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$/;

/** A number with its unit read from a column. */
export interface UnitColumn {
  unit: string;
  /** One value per level; NaN for none (every level is a number when a column matches). */
  values: Float64Array;
}

interface Split {
  sign: number;
  unit: string;
  digits: string;
}

function split(text: string): Split | null {
  const m = FIELD.exec(text.trim());
  if (!m) return null;
  const [, sign1, before, sign2, digits, after] = m;
  if ((before && after) || (sign1 && sign2) || !/\d/.test(digits)) return null;
  // "%" follows the number; currency may stand on either side.
  if (before === "%") return null;
  return { sign: sign1 === "-" || sign2 === "-" ? -1 : 1, unit: before || after, digits };
}

function readDigits(digits: string, decimalComma: boolean): number {
  if (!(decimalComma ? COMMA : POINT).test(digits)) return Number.NaN;
  const plain = decimalComma ? digits.replace(/\./g, "").replace(",", ".") : digits.replace(/,/g, "");
  return Number(plain);
}

/**
 * Reads every level as a number with one unit, or returns null: a level that is no such number,
 * two different symbols, or no symbol at all (plain numbers are the reader's business). The
 * decimal convention is the file's when it fits every level, else the other one.
 */
export function readUnitColumn(levels: readonly string[], decimalComma: boolean): UnitColumn | null {
  const parts: Split[] = [];
  let unit = "";
  for (const level of levels) {
    const p = split(level);
    if (!p) return null;
    if (p.unit) {
      if (unit && p.unit !== unit) return null;
      unit = p.unit;
    }
    parts.push(p);
  }
  if (!unit) return null;
  for (const comma of decimalComma ? [true, false] : [false, true]) {
    const values = new Float64Array(parts.length);
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const v = readDigits(parts[i].digits, comma);
      values[i] = parts[i].sign * v;
      ok = Number.isFinite(v);
    }
    if (ok) return { unit, values };
  }
  return null;
}

/** A value's text with its unit as written in the file: "74%", "$2023", "-$5". */
export function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  if (unit === "%") return `${text}%`;
  return text.startsWith("-") ? `-${unit}${text.slice(1)}` : `${unit}${text}`;
}
