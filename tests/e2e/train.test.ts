import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

let url: string;
let page: Page;

/** Screenshots go outside the repo; TRAIN_SHOTS picks another folder. */
const SHOTS = process.env.TRAIN_SHOTS ?? "/tmp/train-shots";
async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** How long a view may take to appear (the first worker loads tfjs-sized bundles). */
const WAIT = { timeout: 20_000 };
const QUICK = ["baseline", "logistic", "knn", "decision_tree", "mlp"];
const rows = () => page.getByTestId("leaderboard-row");
const runState = () => page.getByTestId("run-state").getAttribute("data-status");
const chart = (kind: string) =>
  page.locator(`[data-testid="evaluation"] [data-testid="chart"][data-chart="${kind}"]`);

useApp(4187, (app) => {
  ({ url, page } = app);
});

/** Loads a bundled sample as a new project and frames it on `target` with a criterion. */
async function framedSample(sample: string, target: string, criterion: string, rowsText: string) {
  await openSample(page, url, sample, rowsText);
  await page.getByTestId("phase-frame").click();
  await page.getByTestId("target-select").selectOption(target);
  await expect
    .poll(() => page.getByTestId("task").textContent(), { timeout: 30_000 })
    .toMatch(/classification|regression/i);
  await page.getByTestId("criterion-input").fill(criterion);
  await page.getByTestId("criterion-ok").waitFor();
  // The criterion is written shortly after typing stops.
  await page.waitForTimeout(800);
}

/**
 * Sets the project's split in Prepare (its folds, and its test share when given), then opens Train
 * and ticks exactly `models` (and the net's epochs when given). The split is set in Prepare only;
 * Train shows it read-only.
 */
async function chooseModels(models: string[], folds: number, epochs?: number, testPercent?: number) {
  await page.getByTestId("phase-prepare").click();
  await page.getByTestId("split-folds").fill(String(folds));
  await page.getByTestId("split-folds").blur();
  if (testPercent !== undefined) {
    await page.getByTestId("split-test").fill(String(testPercent));
    await page.getByTestId("split-test").blur();
  }
  await expect
    .poll(() => page.getByTestId("split-training").textContent(), WAIT)
    .toContain(`in ${folds} folds`);
  await page.getByTestId("phase-train").click();
  await page.getByTestId("model-option").first().waitFor({ timeout: 30_000 });
  await expect
    .poll(() => page.getByTestId("run-split-summary").textContent(), WAIT)
    .toContain(`in ${folds} folds`);
  for (const option of await page.getByTestId("model-option").all()) {
    const id = (await option.getAttribute("data-model")) ?? "";
    await option.locator("input").setChecked(models.includes(id));
  }
  if (epochs !== undefined) {
    await page.getByTestId("mlp-epochs").fill(String(epochs));
    await page.getByTestId("mlp-epochs").blur();
  }
}

describe("the model ladder", () => {
  it("fills the leaderboard live, cancels keeping finished models, and resumes", async () => {
    await framedSample("iris", "target", "accuracy >= 0.9", "150 rows");
    await chooseModels(QUICK, 3);
    expect(await page.getByTestId("train-task").textContent()).toMatch(/multiclass/);
    await shot("train-settings");

    await page.getByTestId("start-run").click();
    await page.getByTestId("run-progress").waitFor();
    await expect.poll(() => page.getByTestId("run-status").textContent(), WAIT).toMatch(/fold \d of 3/);
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await shot("train-running");
    expect(await runState()).toBe("running");

    const kept = await rows().count();
    // Waits for the event (the run recorded as cancelled), not for a clock: a busy machine may be slow.
    await page.getByTestId("cancel-run").click();
    await expect.poll(runState, WAIT).toBe("cancelled");
    expect(await rows().count()).toBeGreaterThanOrEqual(kept);
    expect(await rows().count()).toBeLessThan(QUICK.length);
    await expect.poll(() => page.getByTestId("run-progress").count(), WAIT).toBe(0);

    await page.getByTestId("resume-run").first().click();
    await expect.poll(runState, { timeout: 90_000 }).toBe("done");
    // Every model, then the ensemble, which blends the models finished before the cancel too.
    expect(await rows().count()).toBe(QUICK.length + 1);
    const ensemble = page.locator('[data-testid="leaderboard-row"][data-model="ensemble"]');
    expect(await ensemble.getByTestId("ensemble-members").textContent()).toMatch(/\d+%/);
    const mlp = page.locator('[data-testid="leaderboard-row"][data-model="mlp"]');
    expect(await mlp.getByTestId("backend").textContent()).toMatch(/^(js|wasm|webgl|cpu|webgpu)$/);
    expect(await page.getByTestId("criterion-status").getAttribute("data-met")).toBe("true");
    expect(await page.getByTestId("criterion-status").textContent()).toMatch(/Accuracy ≥ 0\.9: met/);
    await shot("train-done");
  });

  it("keeps the finished part of a run across a reload, as interrupted, and resume completes it", async () => {
    await page.getByTestId("start-run").click();
    await expect.poll(runState, WAIT).toBe("running");
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await page.reload();
    await expect.poll(runState, { timeout: 30_000 }).toBe("interrupted");
    const kept = await rows().count();
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(QUICK.length);
    expect(await page.locator('[data-testid="run-item"][data-status="interrupted"]').count()).toBe(1);
    await shot("train-interrupted");

    await page
      .locator('[data-testid="run-item"][data-status="interrupted"] [data-testid="resume-run"]')
      .click();
    await expect.poll(runState, { timeout: 90_000 }).toBe("done");
    expect(await rows().count()).toBe(QUICK.length + 1);
    expect(await page.locator('[data-testid="run-item"][data-status="done"]').count()).toBe(2);
  });

  it("opens a model's evaluation: metrics, confusion matrix, curves, learning curve, importance", async () => {
    await page
      .locator('[data-testid="leaderboard-row"][data-model="logistic"] [data-testid="open-evaluation"]')
      .click();
    await expect.poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT).toBe("logistic");
    await expect.poll(() => page.getByTestId("metric-table").locator("tbody tr").count(), WAIT).toBe(9);
    await expect.poll(() => chart("confusion").locator("svg rect").count(), WAIT).toBeGreaterThanOrEqual(9);
    expect(await chart("confusion").locator("svg text").allTextContents()).toContain("Predicted class");
    await expect.poll(() => chart("roc").locator("svg path").count(), WAIT).toBeGreaterThan(2);
    await expect.poll(() => chart("pr").locator("svg path").count(), WAIT).toBeGreaterThan(2);
    await expect.poll(() => chart("calibration").locator("svg circle").count(), WAIT).toBeGreaterThan(2);

    await page.getByTestId("compute-learning-curve").click();
    await expect
      .poll(() => chart("learning-curve").locator("svg circle").count(), { timeout: 60_000 })
      .toBe(10);
    await page.getByTestId("compute-importance").click();
    await expect
      .poll(() => chart("permutation-importance").locator("svg rect").count(), { timeout: 60_000 })
      .toBe(4);
    await shot("evaluation-best");

    // The ensemble: the same charts from its blended predictions, its members' weights, and
    // permutation importance of the blend (no learning curve: that is drawn per model).
    await page
      .locator('[data-testid="leaderboard-row"][data-model="ensemble"] [data-testid="open-evaluation"]')
      .click();
    await expect.poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT).toBe("ensemble");
    await expect.poll(() => page.getByTestId("metric-table").locator("tbody tr").count(), WAIT).toBe(9);
    await expect.poll(() => chart("confusion").locator("svg rect").count(), WAIT).toBeGreaterThanOrEqual(9);
    await expect.poll(() => chart("ensemble-weights").locator("svg rect").count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByTestId("compute-learning-curve").count()).toBe(0);
    await page.getByTestId("compute-importance").click();
    await expect
      .poll(() => chart("permutation-importance").locator("svg rect").count(), { timeout: 60_000 })
      .toBe(4);
    await page.getByTestId("ensemble-panel").scrollIntoViewIfNeeded();
    await shot("evaluation-ensemble");

    await page
      .locator('[data-testid="leaderboard-row"][data-model="decision_tree"] [data-testid="open-evaluation"]')
      .click();
    await expect
      .poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT)
      .toBe("decision_tree");
    await expect.poll(() => chart("tree").locator("svg circle").count(), WAIT).toBeGreaterThan(3);
    await expect.poll(() => chart("tree-importance").locator("svg rect").count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId("tree").scrollIntoViewIfNeeded();
    await shot("evaluation-tree");
    await chart("tree").screenshot({ path: join(SHOTS, "tree-chart.png") });
  });

  it("moves the confusion matrix with the threshold of a binary classifier", async () => {
    await framedSample("breast_cancer", "target", "roc auc >= 0.9", "569 rows");
    // A 40% holdout set in Prepare is the run's: Train shows it and the plan holds back 40% of rows.
    await chooseModels(["logistic"], 3, undefined, 40);
    expect(await page.getByTestId("run-split-summary").textContent()).toMatch(/holds back 40% of the rows/);
    await expect
      .poll(() => page.getByTestId("run-split-rows").textContent(), WAIT)
      .toBe("On this table: 341 training rows in 3 folds, 228 test rows.");
    await page.getByTestId("start-run").click();
    await expect.poll(runState, { timeout: 60_000 }).toBe("done");
    await rows().first().getByTestId("open-evaluation").click();
    const confusion = () => chart("confusion").locator("svg").textContent();
    await expect.poll(() => chart("confusion").locator("svg text").count(), WAIT).toBeGreaterThan(4);
    const before = await confusion();
    await page.getByTestId("threshold-slider").fill("0.97");
    await expect.poll(() => page.getByTestId("threshold-value").textContent(), WAIT).toBe("0.97");
    await expect.poll(confusion, WAIT).not.toBe(before);
    expect(await page.getByTestId("threshold-metrics").textContent()).toMatch(/Precision/);
    await shot("evaluation-binary");
    await page.locator(".confusion-block").screenshot({ path: join(SHOTS, "threshold.png") });
  });

  it("draws a regression model's predictions against the truth, its residuals and their histogram", async () => {
    await framedSample("diabetes", "target", "r2 >= 0.3", "442 rows");
    await chooseModels(["linear"], 3);
    await page.getByTestId("start-run").click();
    await expect.poll(runState, { timeout: 60_000 }).toBe("done");
    await rows().first().getByTestId("open-evaluation").click();
    await expect.poll(() => page.getByTestId("metric-table").locator("tbody tr").count(), WAIT).toBe(5);
    expect(await page.getByTestId("metric-table").textContent()).toMatch(/R²|R2/);
    await expect
      .poll(() => chart("predicted-actual").locator("svg circle").count(), WAIT)
      .toBeGreaterThan(300);
    await expect.poll(() => chart("residuals").locator("svg circle").count(), WAIT).toBeGreaterThan(300);
    await expect.poll(() => chart("residual-histogram").locator("svg rect").count(), WAIT).toBeGreaterThan(5);
    await shot("evaluation-regression");
  });

  it("trains the neural net on the WebGPU backend when the page asks for it", async () => {
    await framedSample("iris", "target", "accuracy >= 0.5", "150 rows");
    const hash = new URL(page.url()).hash.replace(/\/frame$/, "/train");
    await page.goto(`${url}?backend=webgpu${hash}`);
    await chooseModels(["mlp"], 2, 3);
    await page.getByTestId("start-run").click();
    await expect.poll(runState, { timeout: 120_000 }).toBe("done");
    const mlp = page.locator('[data-testid="leaderboard-row"][data-model="mlp"]');
    expect(await mlp.getByTestId("backend").textContent()).toBe("webgpu");
  });
});
