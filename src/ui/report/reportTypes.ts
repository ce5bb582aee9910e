import type { AlertSeverity } from "../../core/profile/alertTypes.ts";

export interface ReportRow {
  label: string;
  value: string;
}

/** A drawn chart: its SVG markup and the caption that says what it shows. */
export interface ReportChart {
  svg: string;
  caption: string;
}

/** Everything the exported report shows, as plain strings; charts as ready SVG markup. */
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
