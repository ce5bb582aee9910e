import * as Plot from "@observablehq/plot";
import { allIntegers, COLORS, extent, numberTicks, truncateLabel } from "./axis.ts";
import { colorScale, type SeriesColor } from "./colorBy.ts";

/** One panel of a pair plot: row i, column j; the diagonal is a histogram, the rest scatters. */
export interface PairCell {
  row: number;
  col: number;
  kind: "histogram" | "scatter";
  options: Plot.PlotOptions;
}

export interface PairGrid {
  names: string[];
  /** Width and height of each panel in pixels. */
  size: number;
  cells: PairCell[];
}

export interface PairColumn {
  name: string;
  values: readonly (number | null)[];
}

export const MIN_PAIR_COLUMNS = 2;
export const MAX_PAIR_COLUMNS = 5;

/**
 * A scatterplot matrix as a grid of small panels, each with its own scales (Plot facets would share
 * one x and one y scale, which columns of different units cannot). Off the diagonal: y = row
 * column against x = panel column; on it: that column's histogram.
 */
export function pairSpec(
  columns: readonly PairColumn[],
  opts: { width?: number; color?: SeriesColor } = {},
): PairGrid {
  const cols = columns.slice(0, MAX_PAIR_COLUMNS);
  const k = cols.length;
  const size = Math.max(120, Math.floor((opts.width ?? 640) / Math.max(1, k)) - 4);
  const color = opts.color ? colorScale(opts.color) : undefined;
  const ranges = cols.map((c) => extent(c.values));
  const integer = cols.map((c) => allIntegers(c.values));
  const axis = (i: number) => {
    const t = numberTicks(ranges[i][0], ranges[i][1], integer[i]);
    return {
      label: truncateLabel(cols[i].name, 16),
      // Small panels: few ticks, whole ones for whole numbers.
      ticks: t.ticks && t.ticks.length <= 4 ? t.ticks : 3,
      tickFormat: t.tickFormat,
      labelArrow: false as const,
    };
  };
  const cells: PairCell[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const base = {
        width: size,
        height: size,
        marginLeft: 44,
        marginBottom: 36,
        marginTop: 10,
        marginRight: 10,
        style: { fontSize: "9px" },
      };
      if (i === j) {
        const values = cols[i].values.filter((v): v is number => v !== null && Number.isFinite(v));
        cells.push({
          row: i,
          col: j,
          kind: "histogram",
          options: {
            ...base,
            ariaLabel: `Histogram of ${cols[i].name}`,
            ariaDescription: `${values.length} values of ${cols[i].name}.`,
            x: axis(i),
            y: { label: "Rows", ticks: 3, labelArrow: false },
            marks: [
              Plot.rectY(values, {
                ...Plot.binX({ y: "count" }, { x: (d: number) => d }),
                fill: COLORS.bar,
                inset: 0.5,
              }),
              Plot.ruleY([0]),
            ],
          },
        });
        continue;
      }
      const xs = cols[j].values;
      const ys = cols[i].values;
      const points: { x: number; y: number; c: string | number | null }[] = [];
      for (let r = 0; r < Math.min(xs.length, ys.length); r++) {
        const x = xs[r];
        const y = ys[r];
        if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
        points.push({ x, y, c: color ? color.value(opts.color!.values[r]) : null });
      }
      cells.push({
        row: i,
        col: j,
        kind: "scatter",
        options: {
          ...base,
          ariaLabel: `${cols[i].name} against ${cols[j].name}`,
          ariaDescription: `${points.length} rows.`,
          x: axis(j),
          y: axis(i),
          // The legend is drawn once by the caller, not in every panel.
          color: color ? { ...color.scale, legend: false } : undefined,
          marks: [
            Plot.dot(points, {
              x: "x",
              y: "y",
              r: 1.5,
              fill: color ? "c" : COLORS.accent,
              fillOpacity: 0.5,
            }),
          ],
        },
      });
    }
  }
  return { names: cols.map((c) => c.name), size, cells };
}
