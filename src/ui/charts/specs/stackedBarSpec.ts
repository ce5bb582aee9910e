import * as Plot from "@observablehq/plot";
import { formatNumber } from "../formatNumber.ts";
import { BAND_LABEL_PX, labelWidth, MAX_CATEGORIES, NO_DATA, truncateLabel } from "./axis.ts";
import { colorScale } from "./colorBy.ts";

export interface StackedBarOptions {
  groupLabel: string;
  colorLabel: string;
  sampledFrom?: number;
  width?: number;
}

interface Segment {
  group: string;
  color: string;
  count: number;
}

/**
 * For each category of one column (the MAX_CATEGORIES most frequent), the share of rows in each
 * category of another (the target): bars stacked to 100%, so groups of any size compare.
 */
export function stackedBarSpec(
  groups: readonly (string | null)[],
  colors: readonly (string | null)[],
  opts: StackedBarOptions,
): Plot.PlotOptions {
  const color = colorScale({ label: opts.colorLabel, values: colors });
  const totals = new Map<string, number>();
  const cells = new Map<string, Segment>();
  for (let i = 0; i < Math.min(groups.length, colors.length); i++) {
    const g = groups[i];
    if (g === null || colors[i] === null) continue;
    const c = String(color.value(colors[i]));
    totals.set(g, (totals.get(g) ?? 0) + 1);
    const key = `${g}\u0000${c}`;
    const seg = cells.get(key);
    if (seg) seg.count++;
    else cells.set(key, { group: g, color: c, count: 1 });
  }
  const ranked = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!);
  const domain = ranked.slice(0, MAX_CATEGORIES);
  const keep = new Set(domain);
  const data = [...cells.values()].filter((s) => keep.has(s.group));
  const ariaLabel = `Share of ${opts.colorLabel} within each ${opts.groupLabel}`;
  const base = { width: opts.width, ariaLabel };
  if (data.length === 0) {
    return {
      ...base,
      height: 80,
      ariaDescription: NO_DATA,
      marks: [Plot.text([NO_DATA], { frameAnchor: "middle" })],
    };
  }
  const cut = ranked.length > domain.length ? `, the ${domain.length} most frequent of ${ranked.length}` : "";
  const sample = opts.sampledFrom ? ` (a random sample of ${formatNumber(opts.sampledFrom)} rows)` : "";
  return {
    ...base,
    height: 70 + 26 * domain.length,
    marginLeft: BAND_LABEL_PX + labelWidth(domain),
    ariaDescription: `For ${domain.length} groups of ${opts.groupLabel}${cut}, bars split by ${opts.colorLabel} to 100%${sample}.`,
    x: { label: "Share of rows", tickFormat: "~%", grid: true },
    y: { label: opts.groupLabel, domain, tickFormat: (d: string) => truncateLabel(d) },
    color: color.scale,
    marks: [
      Plot.barX(data, {
        x: "count",
        y: "group",
        fill: "color",
        offset: "normalize",
        order: color.scale.domain as string[],
        tip: true,
      }),
    ],
  };
}
