import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

const SHOTS = "/tmp/recipe-shots";

let url: string;
let page: Page;

useApp(4186, (app) => {
  mkdirSync(SHOTS, { recursive: true });
  ({ url, page } = app);
});

const steps = () => page.getByTestId("recipe-step");
const stepIds = () => steps().evaluateAll((els) => els.map((e) => e.getAttribute("data-step-id")));
const step = (id: string) => page.locator(`[data-testid="recipe-step"][data-step-id="${id}"]`);
const featureCount = async () =>
  Number.parseInt((await page.getByTestId("feature-count").textContent()) ?? "", 10);

/** Waits until the preview has finished (no spinner) and shows a feature count. */
async function previewSettled() {
  await page.getByTestId("feature-count").waitFor();
  await expect.poll(() => page.getByTestId("preview-running").count(), { timeout: 30_000 }).toBe(0);
}

describe("prepare and engineer: the recipe", () => {
  it("proposes a recipe for the penguins with reasons and a preview", async () => {
    await openSample(page, url, "penguins", "344 rows");
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("species");
    await page.getByTestId("task").waitFor();
    await page.getByTestId("phase-prepare").click();

    await steps().first().waitFor();
    expect(await stepIds()).toEqual(["impute_numeric", "impute_categorical", "one_hot", "scale"]);
    const types = await steps().evaluateAll((els) => els.map((e) => e.getAttribute("data-step-type")));
    expect(types).toEqual(["impute", "impute", "one_hot", "standard"]);
    expect(await step("one_hot").getByTestId("step-reason").textContent()).toMatch(/"island" and "sex"/);
    expect(await step("one_hot").getByTestId("step-describe").textContent()).toMatch(
      /one 0\/1 column per level/,
    );

    await previewSettled();
    expect(await page.getByTestId("feature-count").textContent()).toBe("10 feature columns");
    expect(await page.getByTestId("preview-note").textContent()).toBe("Preview on all 344 rows (seed 0)");
    expect(await page.getByTestId("trace-row").count()).toBe(4);
    await page.getByTestId("split-picture").waitFor();
    expect(await page.getByTestId("split-counts").first().textContent()).toMatch(/275 train · 69 test/);
  });

  it("follows edits: switch off, add, move, and keeps them over a reload", async () => {
    await step("one_hot").getByTestId("step-enabled").uncheck();
    await expect.poll(featureCount, { timeout: 30_000 }).not.toBe(10);
    await previewSettled();
    const withoutOneHot = await featureCount();
    expect(withoutOneHot).toBeLessThan(10);

    await page.getByTestId("add-step-type").selectOption("outliers");
    await page.getByTestId("add-step").click();
    await expect
      .poll(stepIds)
      .toEqual(["impute_numeric", "impute_categorical", "one_hot", "scale", "outliers"]);
    await step("outliers").getByTestId("step-up").click();
    await expect
      .poll(stepIds)
      .toEqual(["impute_numeric", "impute_categorical", "one_hot", "outliers", "scale"]);
    await previewSettled();
    expect(await page.getByTestId("trace-row").count()).toBe(4);
    await page.screenshot({ path: `${SHOTS}/prepare.png`, fullPage: true });

    await page.reload();
    await steps().first().waitFor();
    expect(await stepIds()).toEqual(["impute_numeric", "impute_categorical", "one_hot", "outliers", "scale"]);
    expect(await step("one_hot").getByTestId("step-enabled").isChecked()).toBe(false);
    expect(await step("outliers").getByTestId("step-enabled").isChecked()).toBe(true);
    await previewSettled();
    expect(await featureCount()).toBe(withoutOneHot);
  });

  it("shows an invalid setting next to its step and does not lose it", async () => {
    await step("outliers").getByTestId("step-settings").click();
    const factor = step("outliers").locator('[data-param="factor"] input');
    await factor.fill("-1");
    await factor.press("Enter");
    await expect
      .poll(() => step("outliers").getByTestId("step-problem").textContent())
      .toMatch(/Handle outliers \(step 4\): factor: must be at least 0, got -1/);
    await factor.fill("2");
    await factor.press("Enter");
    await expect.poll(() => step("outliers").getByTestId("step-problem").count()).toBe(0);
  });

  it("adds a select step in Features and charts its scores", async () => {
    await page.getByTestId("phase-features").click();
    await page.getByTestId("add-step-type").waitFor();
    // Prepare's steps are not listed here.
    expect(await steps().count()).toBe(0);
    await page.getByTestId("add-step-type").selectOption("select");
    await page.getByTestId("add-step").click();
    await step("select").waitFor();
    const chart = page.locator('[data-testid="selection-chart"] [data-testid="chart"]');
    await chart.locator("svg rect").first().waitFor({ timeout: 30_000 });
    expect(await chart.locator("svg [aria-label='bar'] rect, svg g rect").count()).toBeGreaterThan(3);

    await page.getByTestId("keep-k").click();
    await page.getByTestId("keep-value").fill("3");
    await page.getByTestId("keep-value").press("Enter");
    await expect
      .poll(() => page.getByTestId("feature-count").textContent(), { timeout: 30_000 })
      .toMatch(/^\d+ feature columns$/);
    await previewSettled();
    expect(await step("select").getByTestId("step-describe").textContent()).toMatch(/the top 3/);
    await page.screenshot({ path: `${SHOTS}/features.png`, fullPage: true });

    // A method that cannot score these features: the preview says why, in the worker's words.
    const method = step("select").locator('[data-param="method"] select');
    await method.selectOption("chi2");
    await expect
      .poll(() => page.getByTestId("recipe-preview").getByTestId("error-message").textContent(), {
        timeout: 30_000,
      })
      .toMatch(/chi2 needs non-negative features/);
    await method.selectOption("mutual_info");
    await previewSettled();
    expect(await page.getByTestId("recipe-preview").getByTestId("error-message").count()).toBe(0);

    // Back in Prepare, the select step is not shown but the order holds.
    await page.getByTestId("phase-prepare").click();
    await steps().first().waitFor();
    expect(await stepIds()).toEqual(["impute_numeric", "impute_categorical", "one_hot", "outliers", "scale"]);
  });

  it("exports the recipe, refuses a bad file without losing anything, imports and resets", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("recipe-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe("palmer-penguins-recipe.json");
    const exported = JSON.parse(readFileSync((await download.path()) as string, "utf8"));
    expect(exported.steps.map((s: { id: string }) => s.id)).toEqual([
      "impute_numeric",
      "impute_categorical",
      "one_hot",
      "outliers",
      "scale",
      "select",
    ]);

    const bad = { ...exported, steps: [{ ...exported.steps[0], params: { strategy: "avg" } }] };
    await page.getByTestId("recipe-import").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect
      .poll(() => page.getByTestId("import-error").textContent())
      .toMatch(/bad\.json: This file is not a recipe.*step 1 \(impute\): params\.strategy/);
    expect(await stepIds()).toEqual(["impute_numeric", "impute_categorical", "one_hot", "outliers", "scale"]);

    await page.getByTestId("recipe-reset").click();
    await page.getByTestId("recipe-reset-confirm").click();
    await expect.poll(stepIds).toEqual(["impute_numeric", "impute_categorical", "one_hot", "scale"]);
    await previewSettled();
    expect(await featureCount()).toBe(10);

    await page.getByTestId("recipe-import").setInputFiles({
      name: "mine.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await expect
      .poll(stepIds)
      .toEqual(["impute_numeric", "impute_categorical", "one_hot", "outliers", "scale"]);
    expect(await page.getByTestId("recipe-status").textContent()).toBe("Imported mine.json: 6 steps.");
    expect(await step("one_hot").getByTestId("step-enabled").isChecked()).toBe(false);
  });

  it("splits the rows in k folds and shows which rows test in each", async () => {
    await page.getByTestId("split-type").selectOption("stratified_kfold");
    await expect.poll(() => page.getByTestId("split-fold").count()).toBe(5);
    await expect
      .poll(() => page.getByTestId("split-summary").textContent())
      .toBe("Stratified k-fold: 5 folds by species, seed 0");
    const counts = await page.getByTestId("split-counts").allTextContents();
    expect(counts.every((c) => /^2\d\d train · \d\d test \(\d+(\.\d)?%\)$/.test(c))).toBe(true);
    await page.getByTestId("split-panel").screenshot({ path: `${SHOTS}/split.png` });
    // Plain k-fold can deal scikit-learn's KFold folds, for comparing with a notebook.
    await page.getByTestId("split-type").selectOption("kfold");
    await page.getByTestId("split-sklearn").check();
    await expect
      .poll(() => page.getByTestId("split-summary").textContent())
      .toBe("K-fold: 5 folds as scikit-learn's KFold(shuffle=True, random_state=0)");
    await expect.poll(() => page.getByTestId("split-fold").count()).toBe(5);
    await page.getByTestId("split-panel").screenshot({ path: `${SHOTS}/split-sklearn.png` });
    await page.getByTestId("split-type").selectOption("stratified_kfold");
    await expect.poll(() => page.getByTestId("split-fold").count()).toBe(5);
    await page.reload();
    await expect.poll(() => page.getByTestId("split-fold").count(), { timeout: 30_000 }).toBe(5);
  });
});
