/** A share as a percentage for messages: "14%", "2.4%", "0.045%", "0%". */
export function formatShare(x: number): string {
  if (x === 0) return "0%";
  const p = 100 * x;
  if (p < 0.1) return `${Number(p.toPrecision(2))}%`;
  if (p < 10) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** A number for messages: whole numbers as they are, others to 3 significant digits. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}
