const intFormat = new Intl.NumberFormat("en-US");
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** 312000 -> "312,000". One locale everywhere so tests and screenshots read the same. */
export function formatInt(n: number): string {
  return intFormat.format(n);
}

/** `part` as a share of `whole`: "0%", "<0.1%", "3.4%", "100%". */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return "0%";
  const p = (part / whole) * 100;
  if (p < 0.1) return "<0.1%";
  return `${Number(p.toFixed(1))}%`;
}

/** "150 rows", "1 row". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(new Date(ms));
}
