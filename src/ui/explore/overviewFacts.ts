import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import { formatInt, formatPercent, plural } from "../shared/format.ts";
import type { StatRow } from "./columnStatRows.ts";

/** Rows, columns by kind, duplicates and missing cells, as label / value pairs. */
export function overviewFacts(p: FrameProfile): StatRow[] {
  const kinds = new Map<string, number>();
  let missing = 0;
  for (const c of p.columns) {
    kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    missing += c.missing;
  }
  const cells = p.rows * p.columns.length;
  const ignored = p.duplicates.ignored.length > 0 ? `, ignoring ${p.duplicates.ignored.join(", ")}` : "";
  return [
    { label: "Rows", value: formatInt(p.rows) },
    { label: "Columns", value: formatInt(p.columns.length) },
    {
      label: "Column kinds",
      value: [...kinds].map(([k, n]) => `${formatInt(n)} ${k}`).join(", ") || "–",
    },
    {
      label: "Duplicate rows",
      value: `${plural(p.duplicates.count, "row")} (${formatPercent(p.duplicates.count, p.rows)}${ignored})`,
    },
    { label: "Missing cells", value: `${formatInt(missing)} (${formatPercent(missing, cells)})` },
  ];
}
