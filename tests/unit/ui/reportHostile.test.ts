import { describe, expect, it } from "vitest";
import { profileFrame } from "../../../src/core/profile/profileFrame.ts";
import { makePlotSample } from "../../../src/core/profile/sample.ts";
import { h } from "../../../src/core/safe/serializeMarkup.ts";
import { hasControls } from "../../../src/core/text/controlChars.ts";
import { buildReportHtml } from "../../../src/ui/report/buildReportHtml.ts";
import { makeReportInput } from "../../../src/ui/report/makeReportInput.ts";
import { reportFileName } from "../../../src/ui/report/reportFileName.ts";
import { frameOf } from "../core/profile/frameOf.ts";
import { HOSTILE } from "../core/safe/hostileInputs.ts";
import { offences, parseHtml } from "../core/safe/parsedHtml.ts";

const asParsed = (s: string) => s.replaceAll("\0", "\uFFFD");

/** A report of a frame whose column names, category values and dataset name are all hostile. */
function hostileReport(): string {
  const values = HOSTILE.map((x) => x.text);
  // Every hostile text as a column name (numbers), and all of them as one column's categories.
  // (fromEntries makes own keys, "__proto__" included.)
  const spec = Object.fromEntries<(string | number)[]>([
    ...HOSTILE.map((x, j): [string, number[]] => [x.text, values.map((_, i) => (i * (j + 3)) % 7)]),
    ["c onerror=a", values],
  ]);
  const frame = frameOf(spec);
  const profile = profileFrame(frame, { target: null });
  const input = makeReportInput({
    datasetName: values.join(" | "),
    profile,
    sample: makePlotSample(frame, 5000, 0),
    framing: [{ label: HOSTILE[1].text, value: HOSTILE[4].text }],
    generatedAt: HOSTILE[2].text,
    // Plot writes labels into aria-label, <text> and <title>: the stub does the same with the caption.
    render: (o) => {
      const label = String(o.ariaLabel ?? "");
      return h(
        "svg",
        { "aria-label": label },
        h("g", { "aria-label": label }, h("text", null, label), h("title", null, label)),
      );
    },
  });
  return buildReportHtml(input);
}

describe("the report with hostile names and values", () => {
  const html = hostileReport();
  const parsed = parseHtml(html);

  it("has no element off the allow-list, no handler, no outside link", () => {
    expect(offences(parsed)).toEqual([]);
    expect(parsed.elements.filter((e) => e.tagName === "script")).toHaveLength(0);
    expect(parsed.csp).toContain("script-src 'none'");
  });

  it.each(HOSTILE)("shows $label as the text it is", ({ text }) => {
    // As a column heading (h3 text), a category value (table cell) and inside chart labels.
    expect(parsed.texts).toContain(asParsed(text));
    const cells = parsed.elements
      .filter((e) => e.tagName === "td")
      .map((e) => e.childNodes.map((c) => ("value" in c ? c.value : "")).join(""));
    const top = cells.includes(asParsed(text));
    // The category table lists the top values only; the column heading always shows the name.
    const headings = parsed.elements
      .filter((e) => e.tagName === "h3")
      .map((e) => e.childNodes.map((c) => ("value" in c ? c.value : "")).join(""));
    expect(headings.includes(asParsed(text)) || top).toBe(true);
  });

  it("keeps the title whole", () => {
    const title = parsed.elements.find((e) => e.tagName === "title")!;
    const text = title.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
    expect(text).toBe(`${asParsed(HOSTILE.map((x) => x.text).join(" | "))}: data report`);
  });
});

describe("reportFileName with hostile names", () => {
  it.each(HOSTILE)("makes a plain file name of $label", ({ text }) => {
    const name = reportFileName(`${text}.csv`);
    expect(name.endsWith("-report.html")).toBe(true);
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(hasControls(name)).toBe(false);
  });
});
