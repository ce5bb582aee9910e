import { escapeHtml as esc, inertMarkup } from "./escapeHtml.ts";
import { REPORT_CSS } from "./reportStyles.ts";
import type { ReportChart, ReportInput, ReportRow } from "./reportTypes.ts";

const grid = (rows: readonly ReportRow[]) =>
  `<dl class="grid">${rows.map((r) => `<div><dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd></div>`).join("")}</dl>`;

const figure = (c: ReportChart) =>
  `<figure>${inertMarkup(c.svg)}<figcaption>${esc(c.caption)}</figcaption></figure>`;

const SEVERITY = { high: "High", medium: "Medium", low: "Low" } as const;

function alertsSection(input: ReportInput): string {
  if (input.alerts.length === 0) return "<p>No alerts: nothing odd was found.</p>";
  const items = input.alerts.map(
    (a) =>
      `<li><span class="badge sev-${esc(a.severity)}">${esc(SEVERITY[a.severity])}</span><strong>${esc(a.label)}.</strong> ${esc(a.message)}${
        a.evidence ? `<p class="evidence">${esc(a.evidence)}</p>` : ""
      }</li>`,
  );
  return `<ul class="alerts">${items.join("")}</ul>`;
}

function columnSection(c: ReportInput["columns"][number], i: number): string {
  const stats = c.stats.map((s) => `<dt>${esc(s.label)}</dt><dd>${esc(s.value)}</dd>`).join("");
  const top =
    c.topValues.length > 0
      ? `<table><thead><tr><th>Value</th><th class="num">Rows</th><th class="num">Share</th></tr></thead><tbody>${c.topValues
          .map(
            (t) =>
              `<tr><td>${esc(t.value)}</td><td class="num">${esc(t.count)}</td><td class="num">${esc(t.share)}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : "";
  const chart = c.chart ? figure(c.chart) : "";
  const role = c.isTarget ? " · target" : "";
  return `<section class="column" id="column-${i}"><div><h3>${esc(c.name)}</h3><p class="note">${esc(c.kind)}${role}</p><dl>${stats}</dl>${top}</div><div>${chart}</div></section>`;
}

/**
 * The exploration as one self-contained HTML file: inline CSS, charts as inline SVG, no script and
 * no external address, so it opens offline in any browser and can be mailed or archived. Every
 * piece of user text (dataset and column names, category values) is escaped.
 */
export function buildReportHtml(input: ReportInput): string {
  const framing = input.framing
    ? `<section id="framing"><h2>Framing</h2>${grid(input.framing)}</section>`
    : "";
  const correlations =
    input.correlations.length > 0
      ? input.correlations
          .map((c) => `<h3>${esc(c.title)}</h3><p class="note">${esc(c.note)}</p>${figure(c.chart)}`)
          .join("")
      : "<p>Fewer than two columns to correlate.</p>";
  const title = `${input.title}: data report`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${esc(input.title)}</h1>
<p class="meta">Data report made with AutoML Playground on ${esc(input.generatedAt)}. Everything was computed on the device that made it.</p>
<nav><a href="#overview">Overview</a>${input.framing ? '<a href="#framing">Framing</a>' : ""}<a href="#alerts">Alerts</a><a href="#columns">Columns</a><a href="#correlations">Correlations</a></nav>
${framing}
<section id="overview"><h2>Overview</h2>${grid(input.overview)}<p class="note">${esc(input.sampleNote)}</p></section>
<section id="alerts"><h2>Alerts (${input.alerts.length})</h2>${alertsSection(input)}</section>
<section id="columns"><h2>Columns (${input.columns.length})</h2>${input.columns.map(columnSection).join("\n")}</section>
<section id="correlations"><h2>Correlations</h2>${correlations}</section>
</main>
</body>
</html>
`;
}
