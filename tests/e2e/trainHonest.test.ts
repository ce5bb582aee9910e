/**
 * The Train screen's numbers say what they are (issue 10, items 5, 7, 10 and 13): the
 * leaderboard's CV score is the mean of the folds and the evaluation's is pooled, each labelled;
 * a perfect score reads 1.000; "overfits" comes with its rule; the baseline says what it predicts;
 * the run summary counts trained models; a cancelled run does not hide the finished one before it;
 * a recipe made for another target is not trained on without a word.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

let url: string;
let page: Page;
const WAIT = { timeout: 90_000 };

useApp(4203, (app) => {
  ({ url, page } = app);
});

const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? "").trim();
const row = (model: string) => `[data-testid="leaderboard-row"][data-model="${model}"]`;

describe("honest numbers on Train", () => {
  it("labels both CV numbers, shows 1.000, states the overfitting rule and names the baseline", async () => {
    await openSample(page, url, "iris", "150 rows");
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(["baseline", "decision_tree"].includes(id));
    }
    await page.getByTestId("start-run").click();
    await expect.poll(() => page.getByTestId("run-state").getAttribute("data-status"), WAIT).toBe("done");

    expect(await text('[data-testid="leaderboard"] thead')).toContain("mean of folds");
    // An unpruned tree is perfect on its own rows: "1.000", not "1", and flagged with the rule.
    expect(await text(`${row("decision_tree")} [data-testid="train-score"]`)).toMatch(/^1\.000/);
    expect(await text(`${row("baseline")} td:nth-child(2)`)).toContain("Baseline (majority class)");
    const flagged = await page.locator(`${row("decision_tree")} .overfit-flag`).count();
    expect(await page.getByTestId("overfit-rule").count()).toBe(flagged > 0 ? 1 : 0);
    if (flagged) expect(await text('[data-testid="overfit-rule"]')).toMatch(/by more than 0\.05/);
    expect(await text('[data-testid="run-item"] .run-summary')).toMatch(/^2 of 2 models trained/);

    await page.locator(`${row("decision_tree")} [data-testid="open-evaluation"]`).click();
    await page.getByTestId("metric-table").waitFor(WAIT);
    expect(await text('[data-testid="pooled-header"]')).toBe("Cross-validation, all folds pooled");
  });

  it("opens Train on the finished run, not on a newer cancelled one", async () => {
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(["baseline", "mlp"].includes(id));
    }
    await page.getByTestId("start-run").click();
    await page.getByTestId("cancel-run").click();
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), WAIT)
      .toBe("cancelled");
    await page.reload();
    await page.getByTestId("run-history").waitFor(WAIT);
    expect(await page.locator('[data-testid="run-item"][data-status="cancelled"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId("run-state").getAttribute("data-status"), WAIT).toBe("done");
    expect(await page.locator(row("decision_tree")).count()).toBe(1);
  });

  it("says so when the Prepare recipe was made for another target, and trains on the proposal", async () => {
    await openSample(page, url, "penguins", "344 rows");
    // Prepare proposes and saves a recipe for the sample's target, species.
    await page.getByTestId("phase-prepare").click();
    await page.getByTestId("recipe-steps").waitFor(WAIT);
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("island");
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    await expect
      .poll(() => text('[data-testid="stale-recipe"]'), WAIT)
      .toMatch(/^The recipe in Prepare was made for the target "species", not "island"/);
  });
});
