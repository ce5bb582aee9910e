import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import {
  allIntegers,
  BAND_LABEL_PX,
  extent,
  labelWidth,
  MAX_CATEGORIES,
  NO_DATA,
  numberTicks,
  truncateLabel,
} from "./axis.ts";

export interface BoxByCategoryOptions {
  valueLabel: string;
  groupLabel: string;
  /** Order of the groups; by default the most frequent first. */
  order?: readonly string[];
  sampledFrom?: number;
  width?: number;
}

/** One horizontal box plot per category (the MAX_CATEGORIES most frequent) of a numeric column. */
export function boxByCategorySpec(
  values: readonly (number | null)[],
  groups: readonly (string | null)[],
  opts: BoxByCategoryOptions,
): Plot.PlotOptions {
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.min(values.length, groups.length); i++) {
    const v = values[i];
    const g = groups[i];
    if (v === null || g === null || !Number.isFinite(v)) continue;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const ranked = opts.order
    ? opts.order.filter((g) => counts.has(g))
    : [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const domain = ranked.slice(0, MAX_CATEGORIES);
  const keep = new Set(domain);
  const data: { value: number; group: string }[] = [];
  for (let i = 0; i < Math.min(values.length, groups.length); i++) {
    const v = values[i];
    const g = groups[i];
    if (v !== null && g !== null && Number.isFinite(v) && keep.has(g)) data.push({ value: v, group: g });
  }
  const ariaLabel = `${opts.valueLabel} by ${opts.groupLabel}`;
  const base = { width: opts.width, ariaLabel };
  if (data.length === 0) {
    return {
      ...base,
      height: 80,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const [lo, hi] = extent(data.map((d) => d.value));
  const cut = ranked.length > domain.length ? `, the ${domain.length} most frequent of ${ranked.length}` : "";
  const sample = opts.sampledFrom ? ` (a random sample of ${formatNumber(opts.sampledFrom)} rows)` : "";
  return {
    ...base,
    height: 56 + 30 * domain.length,
    marginLeft: BAND_LABEL_PX + labelWidth(domain),
    ariaDescription: `Box plots of ${opts.valueLabel} for ${domain.length} groups of ${opts.groupLabel}${cut}, over ${formatNumber(data.length)} rows${sample}.`,
    x: { label: opts.valueLabel, ...numberTicks(lo, hi, allIntegers(data.map((d) => d.value))), grid: true },
    y: { label: opts.groupLabel, domain, tickFormat: (d: string) => truncateLabel(d) },
    marks: [Plot.boxX(data, { x: "value", y: "group", fill: "#2a6fb0", fillOpacity: 0.35, r: 1.5 })],
  };
}
