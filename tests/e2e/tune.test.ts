/**
 * Tuning in the browser (issue 14): a small budget on a small sample trains with the search
 * nested in each fold, the leaderboard shows each model's best trial beside its defaults, and the
 * evaluation draws the tuning views (score by trial, the heatmap, score against each param).
 * Screenshots for review go to TUNE_SHOTS (default /tmp/tune-shots).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

let url: string;
let page: Page;
const WAIT = { timeout: 180_000 };
const SHOTS = process.env.TUNE_SHOTS ?? "/tmp/tune-shots";

useApp(4212, (app) => {
  ({ url, page } = app);
});

const row = (model: string) => page.locator(`[data-testid="leaderboard-row"][data-model="${model}"]`);

describe("tuning", () => {
  it("trains with a small budget and shows the best trial, the defaults and the tuning views", async () => {
    await openSample(page, url, "iris", "150 rows");
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(["baseline", "decision_tree", "knn"].includes(id));
    }
    // The default budget is the quick preset; ask for 5 candidates per model instead.
    expect(await page.getByTestId("tune-budget").inputValue()).toBe("quick");
    await page.getByTestId("tune-budget").selectOption("custom");
    await page.getByTestId("tune-trials").fill("5");
    await page.getByTestId("tune-trials").blur();
    await page.getByTestId("start-run").click();
    await expect.poll(() => page.getByTestId("run-state").getAttribute("data-status"), WAIT).toBe("done");

    // Tuned models show their best trial beside the defaults; the baseline is not searched.
    for (const model of ["decision_tree", "knn"])
      expect(await row(model).getByTestId("tuning-cell").textContent()).toMatch(
        /^\d\.\d+ vs defaults \d\.\d+$/,
      );
    expect(await row("baseline").getByTestId("tuning-cell").count()).toBe(0);

    await row("decision_tree").getByTestId("open-evaluation").click();
    const panel = page.getByTestId("tuning-panel");
    await panel.waitFor(WAIT);
    expect(await panel.getByTestId("tuning-summary").textContent()).toMatch(
      /5 candidates, \d+ trials by successive halving/,
    );
    const chart = (kind: string) => panel.locator(`[data-testid="chart"][data-chart="${kind}"]`);
    await chart("tuning-trials").locator("svg").first().waitFor(WAIT);
    // One dot per trial that scored.
    expect(await chart("tuning-trials").locator("circle").count()).toBeGreaterThan(5);
    await chart("tuning-heatmap").locator("svg").first().waitFor(WAIT);
    expect(await chart("tuning-heatmap").locator("g rect").count()).toBeGreaterThan(0);
    // A chart per searched param of the tree: criterion, max_depth, min_samples_leaf, min_samples_split.
    expect(await panel.locator('[data-chart="tuning-param"]').count()).toBe(4);
    mkdirSync(SHOTS, { recursive: true });
    await panel.screenshot({ path: join(SHOTS, "tuning-panel.png") });
    await page.getByTestId("leaderboard").screenshot({ path: join(SHOTS, "tuning-leaderboard.png") });
  }, 300_000);
});
