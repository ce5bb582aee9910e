import { describe, expect, it } from "vitest";
import { profileFrame } from "../../../src/core/profile/profileFrame.ts";
import { makePlotSample } from "../../../src/core/profile/sample.ts";
import { h } from "../../../src/core/safe/serializeMarkup.ts";
import { buildReportHtml } from "../../../src/ui/report/buildReportHtml.ts";
import { makeReportInput } from "../../../src/ui/report/makeReportInput.ts";
import { reportFileName } from "../../../src/ui/report/reportFileName.ts";
import type { ReportInput } from "../../../src/ui/report/reportTypes.ts";
import { frameOf } from "../core/profile/frameOf.ts";
import { parseHtml } from "../core/safe/parsedHtml.ts";

const SVG = h(
  "svg",
  { xmlns: "http://www.w3.org/2000/svg", width: 10, height: 10 },
  h("rect", { width: 5, height: 5 }),
);

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    title: "penguins.csv",
    generatedAt: "1 Jan 2025",
    framing: [
      { label: "Target", value: "species" },
      { label: "Task", value: "Multiclass classification" },
    ],
    overview: [{ label: "Rows", value: "344" }],
    sampleNote: "Every chart and statistic uses all 344 rows.",
    alerts: [{ severity: "high", label: "Constant", message: '"c" has one value.', evidence: "distinct 1" }],
    columns: [
      {
        name: '<script>alert("x")</script> & co',
        kind: "numeric",
        isTarget: false,
        stats: [{ label: "Mean", value: "4.2" }],
        topValues: [{ value: "<b>bold</b>", count: "3", share: "50%" }],
        chart: { markup: SVG, caption: "Histogram of <x>" },
      },
    ],
    correlations: [
      { title: "Pearson r", note: "Numeric columns.", chart: { markup: SVG, caption: "Pearson r" } },
    ],
    ...over,
  };
}

describe("buildReportHtml", () => {
  it("makes one self-contained document with inline CSS and inline SVG", () => {
    const html = buildReportHtml(input());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).toContain("<title>penguins.csv: data report</title>");
    expect(html).toContain("<h1>penguins.csv</h1>");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain("Multiclass classification");
    expect(html).toContain("Every chart and statistic uses all 344 rows.");
    // No script, no stylesheet or image fetched from anywhere: only the SVG namespace names a URL.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|url\(/i);
    expect(html.replaceAll("http://www.w3.org/2000/svg", "")).not.toMatch(/https?:\/\//);
  });

  it("escapes user text: column names, values and the title", () => {
    const html = buildReportHtml(input({ title: 'a "b" <c>' }));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("<figcaption>Histogram of &lt;x&gt;</figcaption>");
    expect(html).toContain("<h1>a &quot;b&quot; &lt;c&gt;</h1>");
    expect(html).not.toContain("<b>bold</b>");
  });

  it("leaves the framing out when none is set and says when there are no alerts", () => {
    const html = buildReportHtml(input({ framing: null, alerts: [] }));
    expect(html).not.toContain('id="framing"');
    expect(html).toContain("No alerts");
  });

  it("carries its own Content-Security-Policy: no script, no request, no form", () => {
    const html = buildReportHtml(input());
    const csp = parseHtml(html).csp;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("form-action 'none'");
    // The policy comes before anything that could load.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
  });
});

describe("makeReportInput", () => {
  it("gathers statistics, alerts, one chart per column and the correlation heatmaps", () => {
    const frame = frameOf({
      x: [1, 2, 3, 4, 5, 6, 7, 8],
      y: [2, 4, 6, 8, 10, 12, 14, 17],
      c: ["a", "b", "a", "b", "a", "b", "a", "b"],
      k: [1, 1, 1, 1, 1, 1, 1, 1],
    });
    const profile = profileFrame(frame, { target: "c" });
    const rendered: string[] = [];
    const out = makeReportInput({
      datasetName: "t.csv",
      profile,
      sample: makePlotSample(frame, 5000, 0),
      framing: null,
      generatedAt: "now",
      render: (options) => {
        rendered.push(String(options.ariaLabel));
        expect(options.width).toBeLessThanOrEqual(640);
        return SVG;
      },
    });
    expect(out.columns.map((c) => c.name)).toEqual(["x", "y", "c", "k"]);
    expect(out.columns.find((c) => c.name === "c")!.isTarget).toBe(true);
    expect(out.columns[0].stats.find((s) => s.label === "Mean")!.value).toBe("4.5");
    expect(rendered).toContain("Histogram of x");
    expect(rendered).toContain("Top values of c");
    expect(rendered).toContain("Pearson r between numeric columns");
    expect(out.alerts.some((a) => a.label === "Constant")).toBe(true);
    expect(buildReportHtml(out)).toContain("<figcaption>Histogram of x</figcaption>");
  });
});

describe("reportFileName", () => {
  it("names the file after the dataset, without its extension or unsafe characters", () => {
    expect(reportFileName("penguins.csv")).toBe("penguins-report.html");
    expect(reportFileName("a/b:c?.tsv")).toBe("a_b_c_-report.html");
    expect(reportFileName("")).toBe("dataset-report.html");
  });
});
