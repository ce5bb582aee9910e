import type { ColumnProfile } from "../../core/profile/columnStats.ts";
import type { ChartSpec } from "../charts/renderChart.ts";
import { type BarItem, barSpec } from "../charts/specs/barSpec.ts";
import { boxSpec } from "../charts/specs/boxSpec.ts";
import { densitySpec } from "../charts/specs/densitySpec.ts";
import { histogramSpec } from "../charts/specs/histogramSpec.ts";
import { timeSpec } from "../charts/specs/timeSpec.ts";
import { formatInt } from "../shared/format.ts";

/** How a numeric column is drawn. */
export type NumericView = "histogram" | "box" | "density";
export const NUMERIC_VIEWS: readonly NumericView[] = ["histogram", "box", "density"];

export interface ColumnChart {
  kind: string;
  spec: ChartSpec;
  /** Where the numbers come from, when not from every row. */
  note?: string;
}

/** The top values of a categorical, boolean or text column as bars, the rest as one "Other" bar. */
export function topValueItems(c: ColumnProfile): BarItem[] {
  const cat = c.categories;
  if (!cat) return [];
  const items: BarItem[] = cat.top.map((t) => ({ label: t.value, value: t.count }));
  if (cat.otherCount > 0) {
    items.push({ label: `Other (${formatInt(cat.otherLevels)} values)`, value: cat.otherCount, other: true });
  }
  return items;
}

/**
 * The chart for one column card: a numeric column by `view` (histogram and box from the exact
 * profile, density from the plot sample), top values as bars, datetimes as counts over time.
 * Identifiers get none: every value is (nearly) unique.
 */
export function columnChart(
  c: ColumnProfile,
  view: NumericView,
  sampleValues: readonly (number | null)[] | null,
  sampledFrom: number | undefined,
): ColumnChart | null {
  if (c.kind === "id") return null;
  if (c.kind === "datetime" && c.datetime) {
    const hist = c.datetime.histogram;
    return { kind: "time", spec: (width) => timeSpec(hist, { column: c.name, width }) };
  }
  const n = c.numeric;
  if (n) {
    if (view === "box") {
      const outliers = sampleValues?.filter((v): v is number => v !== null) ?? [];
      return {
        kind: "box",
        spec: (width) => boxSpec(n.box, { column: c.name, integer: n.integer, outliers, width }),
        note: sampledFrom ? "outlier dots from a sample" : undefined,
      };
    }
    if (view === "density" && sampleValues) {
      return {
        kind: "density",
        spec: (width) => densitySpec(sampleValues, { column: c.name, sampledFrom, width }),
        note: sampledFrom ? `from a sample of ${formatInt(sampleValues.length)} rows` : undefined,
      };
    }
    return {
      kind: "histogram",
      spec: (width) => histogramSpec(n.histogram, { column: c.name, integer: n.integer, width }),
    };
  }
  const items = topValueItems(c);
  if (items.length === 0) return null;
  return {
    kind: "bar",
    spec: (width) =>
      barSpec(items, { title: `Top values of ${c.name}`, valueLabel: "Rows", categoryLabel: c.name, width }),
  };
}
