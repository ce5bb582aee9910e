import type { Frame } from "../data/frame.ts";
import type { TaskDetection } from "../framing/detectTask.ts";
import { classBalance, IMBALANCE_RATIO } from "../framing/imbalance.ts";
import { formatShare } from "../util/format.ts";
import { ALERT_SEVERITY, type Alert, compareAlerts } from "./alertTypes.ts";
import { columnAlerts } from "./columnAlerts.ts";
import type { ColumnProfile } from "./columnStats.ts";
import type { CorrelationMatrix, Correlations } from "./correlations.ts";
import type { DuplicateSummary } from "./duplicates.ts";
import { findLeakage, type LeakageFinding } from "./leakage.ts";

export type { Alert, AlertSeverity, AlertType } from "./alertTypes.ts";

/** |Pearson r| or Cramér's V above this between two features is an alert. */
export const HIGH_CORRELATION = 0.9;

export interface AlertInputs {
  profiles: ColumnProfile[];
  correlations: Correlations;
  duplicates: DuplicateSummary;
  /** The framed target, when one is chosen: adds imbalance and leakage alerts. */
  detection?: TaskDetection | null;
  /** Rows examined for leakage (the correlation sample). */
  sampleIndex: Uint32Array;
  signal?: AbortSignal;
}

const pct = formatShare;

/** Every alert of the profile, most severe first, then by column. */
export function computeAlerts(frame: Frame, inputs: AlertInputs): Alert[] {
  const { profiles, detection } = inputs;
  const out: Alert[] = [];
  const quiet = new Set<string>(); // constants and identifiers: no pair or leakage alerts
  frame.columns.forEach((col, i) => {
    const found = columnAlerts(col, profiles[i]);
    if (found.some((a) => a.type === "constant" || a.type === "id_like")) quiet.add(col.name);
    out.push(...found);
  });
  const d = inputs.duplicates;
  if (d.count > 0) {
    const ex = d.examples[0];
    const names = d.ignored.map((c) => `"${c}"`).join(", ");
    const ignoring =
      d.ignored.length === 0
        ? ""
        : ` (ignoring the identifier ${d.ignored.length === 1 ? "column" : "columns"} ${names})`;
    out.push({
      column: null,
      type: "duplicates",
      severity: ALERT_SEVERITY.duplicates,
      message: `${d.count} ${d.count === 1 ? "row repeats" : "rows repeat"} an earlier row exactly${ignoring}: ${pct(d.share)} of the rows, e.g. data row ${ex.row + 1} repeats data row ${ex.sameAs + 1}.`,
      evidence: {
        count: d.count,
        share: d.share,
        exampleRowIndex: ex.row,
        sameAsRowIndex: ex.sameAs,
        ignoredColumns: d.ignored.join(", "),
      },
    });
  }
  const target = detection?.target ?? null;
  const skip = new Set([...quiet, ...(target ? [target] : [])]);
  out.push(...pairAlerts(inputs.correlations.pearson, "Pearson r", skip, frame));
  out.push(...pairAlerts(inputs.correlations.cramersV, "Cramér's V", skip, frame));
  if (detection?.classes && detection.classCounts) {
    const b = classBalance(detection.classes, detection.classCounts);
    if (b?.imbalanced) {
      out.push({
        column: detection.target,
        type: "imbalance",
        severity: ALERT_SEVERITY.imbalance,
        message: `The target "${detection.target}" is imbalanced: ${b.minority} has ${b.minorityCount} rows (${pct(b.minorityShare)}) against ${b.majorityCount} for ${b.majority}, ${b.ratio.toFixed(1)} to 1 (more than ${IMBALANCE_RATIO} to 1).`,
        evidence: {
          minority: b.minority,
          minorityCount: b.minorityCount,
          majority: b.majority,
          majorityCount: b.majorityCount,
          ratio: b.ratio,
          minorityShare: b.minorityShare,
        },
      });
    }
  }
  if (detection) {
    const leaks = findLeakage(frame, detection, {
      sampleIndex: inputs.sampleIndex,
      profiles,
      skip: quiet,
      signal: inputs.signal,
    });
    out.push(...leaks.map((f) => leakageAlert(f, detection.target)));
  }
  return out.sort(compareAlerts);
}

function pairAlerts(m: CorrelationMatrix, method: string, skip: ReadonlySet<string>, frame: Frame): Alert[] {
  const order = new Map(frame.columns.map((c, i) => [c.name, i]));
  const out: Alert[] = [];
  for (let i = 0; i < m.columns.length; i++) {
    for (let j = i + 1; j < m.columns.length; j++) {
      const v = m.values[i][j];
      if (v === null || Math.abs(v) <= HIGH_CORRELATION) continue;
      let [a, b] = [m.columns[i], m.columns[j]];
      if (skip.has(a) || skip.has(b)) continue;
      if ((order.get(a) ?? 0) > (order.get(b) ?? 0)) [a, b] = [b, a];
      out.push({
        column: a,
        type: "high_correlation",
        severity: ALERT_SEVERITY.high_correlation,
        message: `"${a}" and "${b}" are highly correlated (${method} = ${v.toFixed(3)}): one of them adds little beyond the other.`,
        evidence: { other: b, method: method === "Pearson r" ? "pearson" : "cramers_v", value: v },
      });
    }
  }
  return out;
}

function leakageAlert(f: LeakageFinding, target: string): Alert {
  const tail = "it may be a copy of the target or something only known after the outcome.";
  let message: string;
  switch (f.method) {
    case "rule":
      message = `"${f.column}" alone predicts "${target}" for ${pct(f.value)} of the rows (always guessing the commonest class gets ${pct(f.baseline ?? 0)}): ${tail}`;
      break;
    case "cramers_v":
      message = `"${f.column}" and "${target}" are almost perfectly associated (Cramér's V = ${f.value.toFixed(3)}): ${tail}`;
      break;
    case "exact_copy":
      message = `"${f.column}" equals "${target}" on every row where both are present: ${tail}`;
      break;
    default: {
      const label =
        f.method === "pearson" ? "Pearson r" : f.method === "spearman" ? "Spearman rho" : "correlation ratio";
      message = `"${f.column}" tracks "${target}" almost exactly (${label} = ${f.value.toFixed(4)}): ${tail}`;
    }
  }
  const evidence: Alert["evidence"] = { target, method: f.method, value: f.value };
  if (f.baseline !== undefined) evidence.baseline = f.baseline;
  return { column: f.column, type: "leakage", severity: ALERT_SEVERITY.leakage, message, evidence };
}
