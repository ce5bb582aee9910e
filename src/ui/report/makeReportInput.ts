import type * as Plot from "@observablehq/plot";
import { compareAlerts } from "../../core/profile/alertTypes.ts";
import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import type { MarkupNode } from "../../core/safe/serializeMarkup.ts";
import { type ChartSpec, resolveSpec } from "../charts/renderChart.ts";
import { heatmapSpec, METHOD_LABELS } from "../charts/specs/heatmapSpec.ts";
import { ALERT_TYPE_LABELS, evidenceText } from "../explore/alertText.ts";
import { columnChart } from "../explore/columnChart.ts";
import { columnStatRows } from "../explore/columnStatRows.ts";
import { overviewFacts } from "../explore/overviewFacts.ts";
import { PLOT_SAMPLE_SEED } from "../explore/plotSample.ts";
import { numbersOf } from "../explore/sampleColumns.ts";
import { sampleNote } from "../explore/sampleNote.ts";
import { formatInt, formatPercent } from "../shared/format.ts";
import type { ReportChart, ReportInput, ReportRow } from "./reportTypes.ts";

/** Chart width in the report: fits its column at print size. */
const CHART_WIDTH = 640;

export interface ReportSource {
  datasetName: string;
  profile: FrameProfile;
  sample: PlotSample;
  /** Target, task, metric and criterion rows, when framed. */
  framing: ReportRow[] | null;
  generatedAt: string;
  /** Draws Plot options as markup nodes (`renderReportChart` in the browser, a stub in tests). */
  render: (options: Plot.PlotOptions) => MarkupNode;
}

function draw(src: ReportSource, spec: ChartSpec): ReportChart {
  const options = resolveSpec(spec, CHART_WIDTH);
  return { markup: src.render(options), caption: String(options.ariaLabel ?? "") };
}

/** Gathers the report's content from the profile and sample, drawing each chart once. */
export function makeReportInput(src: ReportSource): ReportInput {
  const { profile, sample } = src;
  const sampledFrom = sample.sampled ? profile.rows : undefined;
  const corr = profile.correlations;
  const correlations: ReportInput["correlations"] = [];
  for (const method of ["pearson", "cramersV"] as const) {
    if (corr[method].columns.length < 2) continue;
    const where = corr.sampled
      ? `a random sample of ${formatInt(corr.sampleSize)} rows (seed ${corr.seed})`
      : "every row";
    correlations.push({
      title: METHOD_LABELS[method],
      note: `${method === "pearson" ? "Numeric" : "Categorical"} columns, computed on ${where}.`,
      chart: draw(src, (width) => heatmapSpec(corr[method], { method, width })),
    });
  }
  return {
    title: src.datasetName,
    generatedAt: src.generatedAt,
    framing: src.framing,
    overview: overviewFacts(profile),
    sampleNote: sampleNote({
      rows: profile.rows,
      plotRows: sample.rows.length,
      plotSampled: sample.sampled,
      plotSeed: PLOT_SAMPLE_SEED,
      correlationRows: profile.sample.sampleSize,
      correlationSampled: profile.sample.sampled,
      correlationSeed: profile.sample.seed,
    }),
    alerts: [...profile.alerts].sort(compareAlerts).map((a) => ({
      severity: a.severity,
      label: ALERT_TYPE_LABELS[a.type] ?? a.type,
      message: a.message,
      evidence: evidenceText(a.evidence),
    })),
    columns: profile.columns.map((c) => {
      const chart = columnChart(c, "histogram", numbersOf(sample, c.name), sampledFrom);
      return {
        name: c.name,
        kind: c.kind,
        isTarget: c.role === "target",
        stats: columnStatRows(c),
        topValues: (c.categories?.top ?? []).map((t) => ({
          value: t.value,
          count: formatInt(t.count),
          share: formatPercent(t.share, 1),
        })),
        chart: chart ? draw(src, chart.spec) : null,
      };
    }),
    correlations,
  };
}
