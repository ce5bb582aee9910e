import * as Plot from "@observablehq/plot";
import type { ColumnSketch } from "../../../core/monitor/sketch.ts";
import { COLORS, MAX_CATEGORIES, truncateLabel } from "../../charts/specs/axis.ts";

const SOURCES = ["reference", "batch"] as const;
const FILL = { reference: COLORS.other, batch: COLORS.accent };

interface Bin {
  source: (typeof SOURCES)[number];
  x1: number;
  x2: number;
  share: number;
  density: number;
}

function numericBins(sketch: ColumnSketch, source: Bin["source"]): Bin[] {
  if (sketch.type !== "numeric" || sketch.count === 0) return [];
  const { edges, counts } = sketch.histogram;
  return counts.map((c, i) => {
    let x1 = edges[i];
    let x2 = edges[i + 1];
    // A constant column's one bin has no width: widen it so it shows.
    if (x1 === x2) {
      const pad = Math.abs(x1) * 0.05 || 0.5;
      x1 -= pad;
      x2 += pad;
    }
    const share = c / sketch.count;
    return { source, x1, x2, share, density: share / (x2 - x1) };
  });
}

function categoryShares(ref: ColumnSketch, batch: ColumnSketch) {
  if (ref.type !== "categorical" || batch.type !== "categorical") return [];
  const share = (s: typeof ref, level: string) => {
    const i = s.levels.indexOf(level);
    return i >= 0 && s.count > 0 ? s.counts[i] / s.count : 0;
  };
  const levels = [...new Set([...ref.levels, ...batch.levels])]
    .map((l) => ({ l, weight: Math.max(share(ref, l), share(batch, l)) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_CATEGORIES)
    .map((x) => x.l);
  return levels.flatMap((level) => [
    { level, source: "reference", share: share(ref, level) },
    { level, source: "batch", share: share(batch, level) },
  ]);
}

/**
 * The reference's and the batch's distributions of one column, overlaid: numbers as two
 * histograms on a density scale (their bins differ), categories as paired bars of shares.
 */
export function distributionSpec(column: string, ref: ColumnSketch, batch: ColumnSketch): Plot.PlotOptions {
  const ariaLabel = `${column}: reference and batch distributions`;
  const color = { legend: true, domain: [...SOURCES], range: [FILL.reference, FILL.batch] };
  if (ref.type === "numeric" && batch.type === "numeric") {
    const bins = [...numericBins(ref, "reference"), ...numericBins(batch, "batch")];
    return {
      height: 220,
      marginLeft: 56,
      ariaLabel,
      ariaDescription: `Reference: ${ref.count} values, mean ${ref.mean.toPrecision(4)}, from ${ref.min} to ${ref.max}. Batch: ${batch.count} values, mean ${batch.mean.toPrecision(4)}, from ${batch.min} to ${batch.max}.`,
      color,
      x: { label: column },
      y: { label: "Density", grid: true },
      marks: [
        Plot.rectY(bins, {
          x1: "x1",
          x2: "x2",
          y: "density",
          fill: "source",
          fillOpacity: 0.45,
          inset: 0.5,
          tip: true,
          title: (b: Bin) =>
            `${b.source}: ${(b.share * 100).toFixed(1)}% of rows from ${b.x1.toPrecision(4)} to ${b.x2.toPrecision(4)}`,
        }),
        Plot.ruleY([0]),
      ],
    };
  }
  const rows = categoryShares(ref, batch);
  const levels = [...new Set(rows.map((r) => r.level))];
  return {
    height: 40 + levels.length * 34,
    marginLeft: 120,
    ariaLabel,
    ariaDescription: `Share of rows per level, reference then batch: ${levels
      .map(
        (l) =>
          `${l} ${rows
            .filter((r) => r.level === l)
            .map((r) => `${(r.share * 100).toFixed(0)}%`)
            .join(" / ")}`,
      )
      .join("; ")}.`,
    color,
    x: { label: "Share of rows", tickFormat: "%", grid: true },
    y: { axis: null, domain: [...SOURCES] },
    fy: { label: null, domain: levels, tickFormat: (l: string) => truncateLabel(l, 16) },
    marks: [
      Plot.barX(rows, { fy: "level", y: "source", x: "share", fill: "source", tip: true }),
      Plot.ruleX([0]),
    ],
  };
}
