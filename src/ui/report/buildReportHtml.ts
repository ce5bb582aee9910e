import { htmlDocument } from "../../core/safe/htmlDocument.ts";
import { h, type MarkupNode } from "../../core/safe/serializeMarkup.ts";
import { REPORT_CSS } from "./reportStyles.ts";
import type { ReportChart, ReportInput, ReportRow } from "./reportTypes.ts";

const grid = (rows: readonly ReportRow[]) =>
  h(
    "dl",
    { class: "grid" },
    rows.map((r) => h("div", null, h("dt", null, r.label), h("dd", null, r.value))),
  );

const figure = (c: ReportChart) => h("figure", null, c.markup, h("figcaption", null, c.caption));

const SEVERITY = { high: "High", medium: "Medium", low: "Low" } as const;

function alertsSection(input: ReportInput): MarkupNode {
  if (input.alerts.length === 0) return h("p", null, "No alerts: nothing odd was found.");
  return h(
    "ul",
    { class: "alerts" },
    input.alerts.map((a) =>
      h(
        "li",
        null,
        h("span", { class: `badge sev-${a.severity}` }, SEVERITY[a.severity]),
        h("strong", null, `${a.label}.`),
        ` ${a.message}`,
        a.evidence ? h("p", { class: "evidence" }, a.evidence) : null,
      ),
    ),
  );
}

function columnSection(c: ReportInput["columns"][number], i: number): MarkupNode {
  const stats = c.stats.flatMap((s) => [h("dt", null, s.label), h("dd", null, s.value)]);
  const top =
    c.topValues.length > 0
      ? h(
          "table",
          null,
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              h("th", null, "Value"),
              h("th", { class: "num" }, "Rows"),
              h("th", { class: "num" }, "Share"),
            ),
          ),
          h(
            "tbody",
            null,
            c.topValues.map((t) =>
              h(
                "tr",
                null,
                h("td", null, t.value),
                h("td", { class: "num" }, t.count),
                h("td", { class: "num" }, t.share),
              ),
            ),
          ),
        )
      : null;
  return h(
    "section",
    { class: "column", id: `column-${i}` },
    h(
      "div",
      null,
      h("h3", null, c.name),
      h("p", { class: "note" }, c.kind, c.isTarget ? " · target" : ""),
      h("dl", null, stats),
      top,
    ),
    h("div", null, c.chart ? figure(c.chart) : null),
  );
}

/**
 * The exploration as one self-contained HTML file: inline CSS, charts as inline SVG, no script and
 * no external address, so it opens offline in any browser and can be mailed or archived. The page
 * is built as markup nodes and written by `htmlDocument`: every name and value from the data is a
 * text node or an escaped attribute value, element and attribute names come from an allow-list,
 * and the file carries a Content-Security-Policy that allows no script and no request at all.
 */
export function buildReportHtml(input: ReportInput): string {
  const correlations =
    input.correlations.length > 0
      ? input.correlations.flatMap((c) => [
          h("h3", null, c.title),
          h("p", { class: "note" }, c.note),
          figure(c.chart),
        ])
      : [h("p", null, "Fewer than two columns to correlate.")];
  const body = h(
    "main",
    null,
    h("h1", null, input.title),
    h(
      "p",
      { class: "meta" },
      `Data report made with AutoML Playground on ${input.generatedAt}. Everything was computed on the device that made it.`,
    ),
    h(
      "nav",
      null,
      h("a", { href: "#overview" }, "Overview"),
      input.framing ? h("a", { href: "#framing" }, "Framing") : null,
      h("a", { href: "#alerts" }, "Alerts"),
      h("a", { href: "#columns" }, "Columns"),
      h("a", { href: "#correlations" }, "Correlations"),
    ),
    input.framing ? h("section", { id: "framing" }, h("h2", null, "Framing"), grid(input.framing)) : null,
    h(
      "section",
      { id: "overview" },
      h("h2", null, "Overview"),
      grid(input.overview),
      h("p", { class: "note" }, input.sampleNote),
    ),
    h("section", { id: "alerts" }, h("h2", null, `Alerts (${input.alerts.length})`), alertsSection(input)),
    h(
      "section",
      { id: "columns" },
      h("h2", null, `Columns (${input.columns.length})`),
      input.columns.map(columnSection),
    ),
    h("section", { id: "correlations" }, h("h2", null, "Correlations"), correlations),
  );
  return htmlDocument({ title: `${input.title}: data report`, css: REPORT_CSS, body: [body] });
}
