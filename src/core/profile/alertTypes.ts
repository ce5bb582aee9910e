/** What an alert is about. */
export type AlertType =
  | "constant"
  | "high_missing"
  | "high_cardinality"
  | "skewed"
  | "zeros"
  | "duplicates"
  | "id_like"
  | "high_correlation"
  | "imbalance"
  | "leakage"
  | "mixed_types";

export type AlertSeverity = "high" | "medium" | "low";

/** One finding of the profile, in plain words, with the numbers behind it. */
export interface Alert {
  /** The column it is about; null for the whole table (duplicates). For pairs, the first column. */
  column: string | null;
  type: AlertType;
  severity: AlertSeverity;
  message: string;
  evidence: Record<string, number | string | boolean | null>;
}

export const SEVERITY_ORDER: Record<AlertSeverity, number> = { high: 0, medium: 1, low: 2 };

export const ALERT_SEVERITY: Record<AlertType, AlertSeverity> = {
  leakage: "high",
  constant: "high",
  id_like: "high",
  mixed_types: "high",
  duplicates: "medium",
  high_missing: "medium",
  high_correlation: "medium",
  imbalance: "medium",
  high_cardinality: "medium",
  skewed: "low",
  zeros: "low",
};

const TYPE_ORDER = Object.keys(ALERT_SEVERITY) as AlertType[];

/** Severity first, then column (table-wide alerts before column ones), then type. */
export function compareAlerts(a: Alert, b: Alert): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  if (a.column !== b.column) {
    if (a.column === null) return -1;
    if (b.column === null) return 1;
    return a.column < b.column ? -1 : 1;
  }
  return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
}
