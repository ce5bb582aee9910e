const intFormat = new Intl.NumberFormat("en-US");
const bigFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const smallFormat = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/**
 * A statistic for people: whole numbers with separators ("12,345"), large ones to one decimal
 * ("180,796.1"), others to 4 significant digits ("0.1235"), the extremes in exponent form.
 * Missing is an en dash. One locale everywhere so tests and screenshots read the same.
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e15 || a < 1e-4)) return x.toExponential(2);
  if (Number.isInteger(x)) return intFormat.format(x);
  return a >= 1000 ? bigFormat.format(x) : smallFormat.format(x);
}

const scoreFormat = new Intl.NumberFormat("en-US", {
  minimumSignificantDigits: 4,
  maximumSignificantDigits: 4,
});

/**
 * A model's score: always 4 significant digits below 1,000, so a perfect score reads "1.000" and
 * lines up with "0.9533" instead of looking like a count ("1"). Larger values (RMSE in dollars)
 * and missing ones as `formatNumber`.
 */
export function formatScore(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return formatNumber(x);
  const a = Math.abs(x);
  if (a >= 1000 || (a !== 0 && a < 1e-4)) return formatNumber(x);
  return scoreFormat.format(x);
}
