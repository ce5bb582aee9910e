import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newProject, openSample, useApp } from "./harness.ts";

let url: string;
let context: BrowserContext;
let page: Page;

/** Set EXPLORE_SHOTS to a folder (outside the repo) to save a screenshot of each view there. */
const SHOTS = process.env.EXPLORE_SHOTS;
async function shot(name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

useApp(4185, (app) => {
  ({ url, context, page } = app);
});

const chartSvgs = () => page.locator('[data-testid="chart"] svg').count();
const chart = (kind: string) => page.locator(`[data-testid="chart"][data-chart="${kind}"]`);

async function openTab(id: string) {
  await page.getByTestId(`explore-tab-${id}`).click();
  await expect.poll(() => page.getByTestId(`explore-tab-${id}`).getAttribute("aria-selected")).toBe("true");
}

describe("frame and explore", () => {
  it("frames the penguins: target, task, metric and a criterion", async () => {
    await openSample(page, url, "penguins", "344 rows");

    await page.getByTestId("phase-frame").click();
    // A sample opens framed on its known target.
    await expect.poll(() => page.getByTestId("task").textContent()).toBe("Multiclass classification");
    expect(await page.getByTestId("target-select").inputValue()).toBe("species");
    expect(await page.getByTestId("task-reasons").textContent()).toMatch(/species/);
    expect(await page.getByTestId("metric-select").inputValue()).toBe("accuracy");
    const feasibility = await page.getByTestId("feasibility").textContent();
    expect(feasibility).toContain("344");
    expect(feasibility).toMatch(/Smallest class/);

    await page.getByTestId("criterion-input").fill("accuracy >=");
    await expect.poll(() => page.getByTestId("criterion-error").textContent()).toMatch(/number/i);
    await page.getByTestId("criterion-input").fill("accuracy >= 0.9");
    await expect.poll(() => page.getByTestId("criterion-ok").textContent()).toContain("Accuracy ≥ 0.9");
    await expect(page.getByTestId("criterion-error").count()).resolves.toBe(0);
    await shot("frame");
  });

  it("restores the framing after a reload", async () => {
    // The criterion is written shortly after typing stops.
    await page.waitForTimeout(800);
    await page.reload();
    await expect.poll(() => page.getByTestId("task").textContent()).toBe("Multiclass classification");
    expect(await page.getByTestId("target-select").inputValue()).toBe("species");
    expect(await page.getByTestId("criterion-input").inputValue()).toBe("accuracy >= 0.9");
    expect(await page.getByTestId("metric-select").inputValue()).toBe("accuracy");
    await page.getByTestId("criterion-ok").waitFor();
  });

  it("explores the table: overview, alerts, columns, relationships, parallel coordinates", async () => {
    await page.getByTestId("phase-explore").click();
    await page.getByTestId("sample-note").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("sample-note").textContent()).toContain("344 rows");
    expect(await page.getByTestId("overview").textContent()).toContain("344");
    await shot("explore-overview");

    await openTab("alerts");
    await page.getByTestId("alerts").waitFor();
    // Penguins have no strong alert but its body measurements correlate: at least the list is there.
    const alerts = await page.getByTestId("alert").count();
    if (alerts === 0) expect(await page.getByTestId("alerts").textContent()).toContain("No alerts");
    else expect(await page.getByTestId("alert").first().getAttribute("data-type")).toBeTruthy();
    await shot("explore-alerts");

    await openTab("columns");
    await expect.poll(() => page.getByTestId("column-card").count()).toBe(8);
    await expect.poll(chartSvgs).toBeGreaterThan(5);
    const mass = page.locator('[data-testid="column-card"][data-column="body_mass_g"]');
    expect(await mass.textContent()).toMatch(/Mean.*4,201\.8/);
    await expect.poll(() => mass.locator('[data-chart="histogram"] svg rect').count()).toBeGreaterThan(3);
    await mass.locator('[data-testid="chart-mode"] button[data-value="density"]').click();
    await expect.poll(() => mass.locator('[data-chart="density"] svg path').count()).toBeGreaterThan(0);
    await mass.locator('[data-testid="chart-mode"] button[data-value="box"]').click();
    await mass.locator('[data-chart="box"] svg').waitFor();
    const island = page.locator('[data-testid="column-card"][data-column="island"]');
    await expect.poll(() => island.locator('[data-chart="bar"] svg rect').count()).toBeGreaterThanOrEqual(3);
    await shot("explore-columns");

    await openTab("relationships");
    await expect.poll(() => chart("scatter").first().locator("svg circle").count()).toBeGreaterThan(50);
    await expect.poll(() => chart("heatmap").locator("svg rect").count()).toBeGreaterThan(8);
    await page.locator('[data-testid="corr-method"] button[data-value="cramersV"]').click();
    await expect.poll(() => chart("heatmap").getAttribute("data-chart")).toBe("heatmap");
    await page.locator('[data-testid="corr-method"] button[data-value="pearson"]').click();
    await expect.poll(() => chart("pair-scatter").count()).toBe(12);
    await expect.poll(() => chart("box-by-class").count()).toBeGreaterThan(0);
    await expect.poll(() => chart("stacked-bar").count()).toBeGreaterThan(0);
    await shot("explore-relationships");

    await openTab("multivariate");
    await expect.poll(() => chart("parallel").locator("svg path").count()).toBeGreaterThan(50);
    await shot("explore-multivariate");
  });

  it("exports a self-contained HTML report", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-report").click(),
    ]);
    expect(download.suggestedFilename()).toBe("penguins-report.html");
    const dir = mkdtempSync(join(tmpdir(), "explore-report-"));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    const html = readFileSync(path, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThan(8);

    const report = await context.newPage();
    await report.goto(pathToFileURL(path).href);
    expect(await report.title()).toContain("penguins.csv");
    expect(await report.locator("h1").textContent()).toBe("penguins.csv");
    expect(await report.locator("svg").count()).toBeGreaterThan(8);
    expect(await report.locator("#framing").textContent()).toContain("Multiclass classification");
    expect(await report.locator("#framing").textContent()).toContain("Accuracy ≥ 0.9");
    if (SHOTS) await report.screenshot({ path: join(SHOTS, "report.png"), fullPage: false });
    await report.close();
  });

  it("says why a one-valued target cannot be learned", async () => {
    await page.goto(url);
    await newProject(page, "One class");
    await page.getByTestId("paste-toggle").click();
    await page.getByTestId("paste-input").fill("x,y\n1,same\n2,same\n3,same\n4,same\n");
    await page.getByTestId("paste-load").click();
    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("4 rows");
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").waitFor();
    await page.getByTestId("target-select").selectOption("y");
    await expect.poll(() => page.getByTestId("error-message").textContent()).toMatch(/only one value/);
    expect(await page.getByTestId("error-message").getAttribute("role")).toBe("alert");
    expect(await page.getByTestId("task").count()).toBe(0);
    await shot("frame-error");
  });
});
