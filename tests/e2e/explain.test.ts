import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

let url: string;
let page: Page;

/** Screenshots go outside the repo; EXPLAIN_SHOTS picks another folder. */
const SHOTS = process.env.EXPLAIN_SHOTS ?? "/tmp/explain-shots";
async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // The panel alone, at full size, to read the charts.
  await page.getByTestId("explain-panel").screenshot({ path: join(SHOTS, `${name}-panel.png`) });
}

const WAIT = { timeout: 30_000 };
const runState = () => page.getByTestId("run-state").getAttribute("data-status");
const panel = () => page.getByTestId("explain-panel");
const chart = (kind: string) => panel().locator(`[data-testid="chart"][data-chart="${kind}"]`);
const text = async (testId: string) => (await panel().getByTestId(testId).textContent())?.trim() ?? "";
const num = (s: string) => Number(s.replace(/[^0-9.eE+−-]/g, "").replace("−", "-"));

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious or critical axe-core violations inside `selector` (as the a11y test checks the phases). */
async function axeViolations(selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the script above defines
    const axe = (window as any).axe;
    const result = await axe.run(document.querySelector(sel), { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
  }, selector);
}

useApp(4213, (app) => {
  ({ url, page } = app);
});

/** Penguins framed on sex (binary), 3 folds, a 25% test part, the given models trained. */
async function trainPenguins(models: string[]) {
  await openSample(page, url, "penguins", "344 rows");
  await page.getByTestId("phase-frame").click();
  await page.getByTestId("target-select").selectOption("sex");
  await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
  await page.getByTestId("phase-prepare").click();
  await page.getByTestId("split-folds").fill("3");
  await page.getByTestId("split-folds").blur();
  await page.getByTestId("split-test").fill("25");
  await page.getByTestId("split-test").blur();
  await expect.poll(() => page.getByTestId("split-training").textContent(), WAIT).toContain("in 3 folds");
  await page.getByTestId("phase-train").click();
  await page.getByTestId("model-option").first().waitFor(WAIT);
  await expect.poll(() => page.getByTestId("run-split-summary").textContent(), WAIT).toContain("in 3 folds");
  for (const option of await page.getByTestId("model-option").all()) {
    const id = (await option.getAttribute("data-model")) ?? "";
    await option.locator("input").setChecked(models.includes(id));
  }
  await page.getByTestId("start-run").click();
  await expect.poll(runState, { timeout: 120_000 }).toBe("done");
}

describe("explanations", () => {
  it("opens a held-out row's waterfall, and a what-if edit moves the prediction and its contributions", async () => {
    await trainPenguins(["logistic", "gbdt"]);
    await page
      .locator('[data-testid="leaderboard-row"][data-model="gbdt"] [data-testid="open-evaluation"]')
      .click();
    await expect.poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT).toBe("gbdt");
    await page.getByTestId("open-explain").click();
    await expect
      .poll(() => text("explain-row-info"), WAIT)
      .toMatch(/Data row [\d,]+ of the table; actual sex: /);
    // Gradient boosting: exact TreeSHAP in log-odds of the positive class.
    await expect.poll(() => chart("waterfall").locator("svg rect").count(), WAIT).toBeGreaterThan(0);
    expect(await text("waterfall-scale")).toMatch(/^log-odds of (male|female)$/);
    const prediction = await text("whatif-prediction");
    expect(prediction).toMatch(/^(male|female)$/);
    const before = num(await text("waterfall-output"));
    const beforeProba = await text("whatif-proba");
    // Local accuracy on screen: base + every contribution = output (to the digits shown).
    const sumShown = async () => {
      const cells = await panel().getByTestId("contribution-table").locator("td.num").allTextContents();
      return cells.reduce((s, c) => s + num(c), num(await text("waterfall-base")));
    };
    expect(Math.abs((await sumShown()) - before)).toBeLessThan(0.01 * (1 + Math.abs(before)));
    await panel().getByTestId("explain-row").scrollIntoViewIfNeeded();
    await shot("waterfall");

    // What if the penguin were much heavier, with a longer flipper? A male-ish change.
    const mass = panel().locator('[data-testid="whatif-input"][data-column="body_mass_g"]');
    const flipper = panel().locator('[data-testid="whatif-input"][data-column="flipper_length_mm"]');
    const massWas = num(await mass.inputValue());
    await mass.fill(String(massWas > 4500 ? 2800 : 6200));
    await flipper.fill("230");
    // The edit is pending (debounced, then the worker) until the answer for both values shows.
    await expect.poll(() => panel().getByTestId("whatif-pending").count(), WAIT).toBe(0);
    expect(num(await text("waterfall-output"))).not.toBe(before);
    await expect.poll(() => text("whatif-proba"), WAIT).not.toBe(beforeProba);
    expect(await panel().locator(".whatif .field.changed").count()).toBe(2);
    const after = num(await text("waterfall-output"));
    expect(Math.abs((await sumShown()) - after)).toBeLessThan(0.01 * (1 + Math.abs(after)));
    await shot("whatif");

    // Reset brings the row's own answer back.
    await panel().getByTestId("whatif-reset").click();
    await expect.poll(async () => num(await text("waterfall-output")), WAIT).toBe(before);

    // Another row of the test part: another explanation.
    await panel().getByTestId("explain-next").click();
    await expect.poll(() => panel().getByTestId("explain-row").inputValue(), WAIT).toBe("2");

    // Partial dependence with ICE lines on a numeric column, computed in the worker.
    await panel().getByTestId("pdp-column").selectOption("bill_depth_mm");
    await panel().getByTestId("compute-pdp").click();
    await expect
      .poll(() => chart("pdp").locator("svg path").count(), { timeout: 60_000 })
      .toBeGreaterThan(10);
    expect(await chart("pdp").locator("figcaption").textContent()).toMatch(
      /50 rows' ICE lines .* on bill_depth_mm/,
    );
    await chart("pdp").scrollIntoViewIfNeeded();
    await shot("pdp");
    // Every control labelled, every chart named: no serious or critical axe violation in the panel.
    await panel()
      .locator("details")
      .first()
      .evaluate((d) => d.setAttribute("open", ""));
    expect(await axeViolations('[data-testid="explain-panel"]')).toEqual([]);
  });

  it("a sampled explanation (the ensemble) in probability, on a category's levels too", async () => {
    await page
      .locator('[data-testid="leaderboard-row"][data-model="ensemble"] [data-testid="open-evaluation"]')
      .click();
    await expect.poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT).toBe("ensemble");
    await page.getByTestId("open-explain").click();
    await expect.poll(() => chart("waterfall").locator("svg rect").count(), WAIT).toBeGreaterThan(0);
    expect(await text("waterfall-scale")).toMatch(/^probability of (male|female)$/);
    const before = await text("waterfall-output");
    const island = panel().locator('[data-testid="whatif-input"][data-column="island"]');
    const was = await island.inputValue();
    await island.selectOption(was === "Biscoe" ? "Dream" : "Biscoe");
    await expect.poll(() => text("waterfall-output"), WAIT).not.toBe(before);
    await panel().getByTestId("pdp-column").selectOption("island");
    await panel().getByTestId("compute-pdp").click();
    await expect.poll(() => chart("pdp").locator("svg circle").count(), { timeout: 60_000 }).toBe(3);
    await chart("pdp").scrollIntoViewIfNeeded();
    await shot("ensemble-pdp");
  });

  it("Deploy's predictor draws the typed row's full waterfall, whose output is its probability", async () => {
    const cell = page.locator('[data-testid="register"][data-model="gbdt"]');
    await cell.getByTestId("register-open").click();
    await cell.getByTestId("register-confirm").click();
    await expect.poll(() => cell.getByTestId("registered").textContent(), WAIT).toContain("v1");
    await page.getByTestId("phase-deploy").click();
    await page.getByTestId("predict-row").click();
    const waterfall = page.getByTestId("predict-waterfall");
    await expect
      .poll(() => waterfall.locator('[data-chart="waterfall"] svg rect').count(), WAIT)
      .toBeGreaterThan(0);
    const scale = (await waterfall.getByTestId("waterfall-scale").textContent()) ?? "";
    const cls = /^log-odds of (male|female)$/.exec(scale)?.[1];
    expect(cls).toBeDefined();
    const output = num((await waterfall.getByTestId("waterfall-output").textContent()) ?? "");
    const proba = page
      .getByTestId("predict-proba")
      .locator("li")
      .filter({ has: page.locator(".proba-label", { hasText: new RegExp(`^${cls}$`) }) });
    const p = num((await proba.locator(".num").textContent()) ?? "");
    expect(1 / (1 + Math.exp(-output))).toBeCloseTo(p, 2);
    await waterfall.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.locator(".predict-form").screenshot({ path: join(SHOTS, "deploy-waterfall.png") });
    expect(await axeViolations(".predict-form")).toEqual([]);
  });

  it("multiclass: each row explains its predicted class, and the PDP shows the class asked for", async () => {
    await openSample(page, url, "iris", "150 rows");
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("target");
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/multiclass/i);
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(id === "random_forest");
    }
    await page.getByTestId("start-run").click();
    await expect.poll(runState, { timeout: 120_000 }).toBe("done");
    await page
      .locator('[data-testid="leaderboard-row"][data-model="random_forest"] [data-testid="open-evaluation"]')
      .click();
    await page.getByTestId("open-explain").click();
    await expect.poll(() => chart("waterfall").locator("svg rect").count(), WAIT).toBeGreaterThan(0);
    const predicted = await text("whatif-prediction");
    // A forest adds up probabilities: the predicted class's probability is the output.
    expect(await text("waterfall-scale")).toBe(`probability of ${predicted}`);
    const p = /([\w-]+) ([\d.]+)/g;
    const proba = new Map([...(await text("whatif-proba")).matchAll(p)].map((m) => [m[1], Number(m[2])]));
    expect(num(await text("waterfall-output"))).toBeCloseTo(proba.get(predicted)!, 3);
    // Long, wide petals make any iris a virginica; short, narrow ones a setosa.
    const input = (column: string) =>
      panel().locator(`[data-testid="whatif-input"][data-column="${column}"]`);
    await input("petal length (cm)").fill(predicted === "setosa" ? "6" : "1.2");
    await input("petal width (cm)").fill(predicted === "setosa" ? "2.3" : "0.2");
    await expect.poll(() => text("whatif-prediction"), WAIT).not.toBe(predicted);
    await expect.poll(() => panel().getByTestId("whatif-pending").count(), WAIT).toBe(0);
    expect(await text("waterfall-scale")).toBe(`probability of ${await text("whatif-prediction")}`);
    await panel().getByTestId("pdp-column").selectOption("petal length (cm)");
    await panel().getByTestId("pdp-class").selectOption("virginica");
    await panel().getByTestId("compute-pdp").click();
    await expect
      .poll(() => chart("pdp").locator("svg path").count(), { timeout: 60_000 })
      .toBeGreaterThan(10);
    expect(await chart("pdp").locator("figcaption").textContent()).toContain("probability of virginica");
    await chart("pdp").scrollIntoViewIfNeeded();
    await shot("multiclass");
  });
});
