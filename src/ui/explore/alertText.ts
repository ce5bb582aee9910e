import type { Alert, AlertSeverity, AlertType } from "../../core/profile/alertTypes.ts";
import { formatNumber } from "../charts/formatNumber.ts";

export const SEVERITY_LABELS: Record<AlertSeverity, string> = { high: "High", medium: "Medium", low: "Low" };

/** A short name for each kind of finding, shown before its message. */
export const ALERT_TYPE_LABELS: Record<AlertType, string> = {
  constant: "Constant",
  high_missing: "Many missing",
  high_cardinality: "Many distinct values",
  skewed: "Skewed",
  zeros: "Many zeros",
  duplicates: "Duplicate rows",
  id_like: "Identifier",
  high_correlation: "Highly correlated",
  imbalance: "Imbalanced target",
  leakage: "Possible leakage",
  mixed_types: "Mixed types",
};

/** "missingShare" / "missing_share" -> "missing share". */
function words(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** An alert's evidence as one line: "missing share 0.42 · count 12"; nulls are left out. */
export function evidenceText(evidence: Alert["evidence"]): string {
  return Object.entries(evidence)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${words(k)} ${typeof v === "number" ? formatNumber(v) : String(v)}`)
    .join(" · ");
}
