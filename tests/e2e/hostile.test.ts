/**
 * A hostile CSV through the built app and its HTML report: names and values that try to run
 * script (handlers split across a column name and a value, closing tags, javascript: URLs, SVG,
 * entity tricks, bidi and control characters). Asserts that neither the app nor the exported
 * report runs any of it, and that the report, opened from disk, makes no request at all.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { HOSTILE } from "../unit/core/safe/hostileInputs.ts";
import { dropFile, newProject, useApp } from "./harness.ts";

let url: string;
let context: BrowserContext;
let page: Page;

/** What a payload does if it ever runs: a flag, the title, a dialog and a request. */
const RUN = "window.__pwned=1;document.title='pwned';alert(1);fetch('http://127.0.0.1:9/leak')";
const ACTIVE = [
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"><circle r="9"/></svg>`,
  `</script><script>${RUN}</script>`,
  `" onload="${RUN}" x="`,
  `' onfocus='${RUN}' autofocus '`,
  `javascript:${RUN}`,
  `&lt;img src=x onerror=${RUN}&gt;`,
  `&#x3c;svg onload=${RUN}&#x3e;`,
  `<a href="javascript:${RUN}">x</a>`,
  `<style>@import url(http://127.0.0.1:9/css)</style>`,
];
/** The app refuses a file with a NUL byte as binary, so NUL is tried in the unit tests only. */
const TEXTS = [...HOSTILE.map((x) => x.text).filter((t) => !t.includes("\0")), ...ACTIVE];
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One numeric column per hostile name; a category column and the target hold the payloads. */
function hostileCsv(): string {
  const names = TEXTS.slice(0, 12);
  const header = [...names, "c onerror=a", "target"];
  const rows: string[][] = [];
  for (let i = 0; i < 120; i++) {
    const nums = names.map((_, j) => String(((i * (j + 5)) % 23) + j));
    rows.push([...nums, TEXTS[i % TEXTS.length], i % 2 ? ACTIVE[0] : ACTIVE[1]]);
  }
  return `${[header, ...rows].map((r) => r.map(quote).join(",")).join("\n")}\n`;
}

const FILE_NAME = `${ACTIVE[0]}\u202Egnp.csv`.replace(/[/\\]/g, "_");

useApp(4193, (app) => {
  ({ url, context, page } = app);
});

describe("a hostile CSV", () => {
  const dialogs: string[] = [];
  let reportPath = "";

  it("loads, frames and explores without running anything", async () => {
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !/^(blob|data):/.test(r.url())) outside.push(r.url());
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    await newProject(page, "Hostile");
    await dropFile(page, '[data-testid="dropzone"]', FILE_NAME, hostileCsv());
    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("120 rows");
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("target");
    await expect.poll(() => page.getByTestId("task").textContent()).toBe("Binary classification");
    await page.getByTestId("phase-explore").click();
    await page.getByTestId("export-report").waitFor();
    // Give any injected handler (onload, onerror, autofocus) the time to fire.
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe("pwned");
  });

  it("exports a report with no script, whose text is the data as it is", async () => {
    await page.getByTestId("phase-explore").click();
    const downloading = page.waitForEvent("download", { timeout: 15_000 });
    await page.getByTestId("export-report").click();
    const download = await downloading.catch(async (err) => {
      const why = await page.locator(".export [role=alert]").allTextContents();
      throw new Error(`no download: ${why.join(" ") || (err as Error).message}`);
    });
    // The file name loses its bidi override and the characters file systems refuse.
    expect(download.suggestedFilename()).not.toMatch(/[\u202a-\u202e\u2066-\u2069<>"/\\]/);
    reportPath = join(mkdtempSync(join(tmpdir(), "hostile-report-")), "report.html");
    await download.saveAs(reportPath);
    const html = readFileSync(reportPath, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it("opens the report from disk: no dialog, no script, no request", async () => {
    const report = await context.newPage();
    const requests: string[] = [];
    const reportDialogs: string[] = [];
    const violations: string[] = [];
    report.on("request", (r) => requests.push(r.url()));
    report.on("dialog", (d) => {
      reportDialogs.push(d.message());
      void d.dismiss();
    });
    report.on("console", (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
    });
    const href = pathToFileURL(reportPath).href;
    await report.goto(href);
    await report.waitForTimeout(500);
    // Focus and hover everything, so that onfocus / onmouseover payloads would fire.
    await report.keyboard.press("Tab");
    await report.mouse.move(200, 200);
    expect(reportDialogs).toEqual([]);
    expect(requests).toEqual([href]);
    expect(await report.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await report.title()).toContain("data report");
    expect(await report.title()).not.toBe("pwned");
    // No element a payload could have made: only the allow-listed ones (no img, script, iframe, a[href^=javascript]).
    expect(await report.locator("script, img, iframe, object, embed, foreignObject, use").count()).toBe(0);
    expect(await report.locator('[href^="javascript" i]').count()).toBe(0);
    const handlers = await report.evaluate(() =>
      [...document.querySelectorAll("*")].flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      ),
    );
    expect(handlers).toEqual([]);
    // The payloads are there as text: column names as headings, values in the tables and charts.
    const text = await report.locator("body").textContent();
    expect(text).toContain("c onerror=a");
    expect(text).toContain(ACTIVE[0]);
    const headings = await report.locator("h3").allTextContents();
    for (const name of TEXTS.slice(0, 12)) expect(headings).toContain(name);
    // The charts are Plot's real SVG, kept.
    expect(await report.locator("figure svg").count()).toBeGreaterThan(10);
    // With Plot's own style sheets (class-scoped CSS, nothing that loads).
    expect(await report.locator("svg style").count()).toBeGreaterThan(10);
    // Nothing even tried to load: the policy had nothing to refuse.
    expect(violations).toEqual([]);
    await report.close();
  });
});
