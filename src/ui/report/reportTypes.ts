import type { AlertSeverity } from "../../core/profile/alertTypes.ts";
import type { MarkupNode } from "../../core/safe/serializeMarkup.ts";

export interface ReportRow {
  label: string;
  value: string;
}

/** A drawn chart: its SVG as markup nodes (never a markup string) and the caption that says what it shows. */
export interface ReportChart {
  markup: MarkupNode;
  caption: string;
}

/** Everything the exported report shows, as plain strings; charts as markup nodes. */
export interface ReportInput {
  /** The dataset's name: the report's title. */
  title: string;
  /** When it was made, already formatted. */
  generatedAt: string;
  /** Target, task, metric and criterion, when the project is framed. */
  framing: ReportRow[] | null;
  overview: ReportRow[];
  sampleNote: string;
  alerts: { severity: AlertSeverity; label: string; message: string; evidence: string }[];
  columns: {
    name: string;
    kind: string;
    isTarget: boolean;
    stats: ReportRow[];
    topValues: { value: string; count: string; share: string }[];
    chart: ReportChart | null;
  }[];
  correlations: { title: string; note: string; chart: ReportChart }[];
}
