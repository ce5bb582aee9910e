/**
 * The one order of class labels and category levels: numbers by value, text by code unit, so "2"
 * comes before "10". Every encoder and the task detection sort with it, so classes list the same
 * everywhere.
 */
export function naturalCompare(a: string, b: string): number {
  const x = a.trim() === "" ? Number.NaN : Number(a);
  const y = b.trim() === "" ? Number.NaN : Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
