/**
 * What the screens show matches what happens (issue 10, items 9, 11, 12 and 13): a sample opens
 * framed on its target; a binary target's positive class is proposed, said, chosen, and followed
 * by the evaluation; the split picture shows the test share it deals; the target's role, the
 * header's storage figure, and the decision tree's text as drawn.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newProject, openSample, useApp } from "./harness.ts";

let url: string;
let page: Page;

const WAIT = { timeout: 60_000 };

/** Set HONEST_SHOTS to a folder (outside the repo) to save a screenshot of each step there. */
const SHOTS = process.env.HONEST_SHOTS;
async function shot(name: string, selector?: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

useApp(4197, (app) => {
  ({ url, page } = app);
});

const text = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();

/**
 * Share of the split picture's drawn area in the test colour, per fold: the test bands' areas
 * over the cells' areas, as laid out on screen.
 */
async function drawnTestShares(): Promise<number[]> {
  return page.getByTestId("split-fold").evaluateAll((folds) =>
    folds.map((fold) => {
      const area = (selector: string) =>
        Array.from(fold.querySelectorAll(selector)).reduce((sum, el) => {
          const b = el.getBoundingClientRect();
          return sum + b.width * b.height;
        }, 0);
      return area(".cell-test") / area(".split-cell");
    }),
  );
}

describe("honest screens", () => {
  it("opens a sample from the gallery framed on its target, with the positive class said", async () => {
    await openSample(page, url, "credit_data", "4,454 rows");
    // The framed target shows as the target in the column table, not as a feature.
    const role = page.locator('[data-testid="column-row"][data-column="Status"] [data-testid="col-role"]');
    await expect.poll(async () => (await role.textContent())?.trim(), WAIT).toBe("target");
    await shot("data-credit");

    await page.getByTestId("phase-frame").click();
    await expect.poll(() => text("task"), WAIT).toBe("Binary classification");
    expect(await page.getByTestId("target-select").inputValue()).toBe("Status");
    expect(await page.getByTestId("metric-select").inputValue()).toBe("roc_auc");
    // "good" is the majority; "bad" is the case to detect.
    expect(await page.getByTestId("positive-select").inputValue()).toBe("bad");
    expect(await text("positive-note")).toMatch(
      /^Positive class: bad \(28\.2% of the rows\), the usual label for the case to detect and the rarer class\./,
    );
    expect(await text("positive-note")).toContain("change it if good is the case you want to detect");
    await shot("frame-credit");

    // Train finds the target framed.
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    expect(await page.getByTestId("no-target").count()).toBe(0);
    expect(await text("train-task")).toMatch(/binary/i);
  });

  it("draws the test share it deals in the split picture", async () => {
    await page.getByTestId("phase-prepare").click();
    await page.getByTestId("split-picture").waitFor(WAIT);
    await expect.poll(() => page.getByTestId("split-fold").count(), WAIT).toBe(1);
    expect(await text("split-counts")).toMatch(/3,563 train · 891 test \(20%\)/);
    // About 45 rows per cell, a fifth of them in the test part: a majority colour showed none.
    const [holdout] = await drawnTestShares();
    expect(holdout).toBeGreaterThan(0.17);
    expect(holdout).toBeLessThan(0.25);
    await shot("split-holdout", '[data-testid="split-picture"]');
    // Five shuffled folds: each fold's test rows (a fifth) show in its row of the picture.
    await page.getByTestId("split-type").selectOption("kfold");
    await expect.poll(() => page.getByTestId("split-fold").count(), WAIT).toBe(5);
    await expect.poll(async () => (await drawnTestShares()).length, WAIT).toBe(5);
    for (const share of await drawnTestShares()) {
      expect(share).toBeGreaterThan(0.17);
      expect(share).toBeLessThan(0.25);
    }
    await shot("split-kfold", '[data-testid="split-picture"]');
    await page.getByTestId("split-type").selectOption("holdout");
    await expect.poll(() => page.getByTestId("split-fold").count(), WAIT).toBe(1);

    // The recipe preview's "Before" table shows the table's 14 columns whole, none cut off.
    const before = page.getByTestId("summary-before");
    await expect.poll(() => before.locator("tbody tr").count(), WAIT).toBe(14);
    const fit = await before.locator(".summary-scroll").evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(fit).toBeLessThanOrEqual(1);
    await shot("recipe-before", ".summary-pair");
  });

  it("lets the positive class be changed, keeps it, and the evaluation follows it", async () => {
    await page.getByTestId("phase-frame").click();
    await expect.poll(() => page.getByTestId("positive-select").inputValue(), WAIT).toBe("bad");
    await page.getByTestId("positive-select").selectOption("good");
    await expect
      .poll(() => text("positive-note"))
      .toMatch(/^Positive class: good \(71\.8% of the rows\), your choice/);
    await page.reload();
    await expect.poll(() => page.getByTestId("positive-select").inputValue(), WAIT).toBe("good");
    await page.getByTestId("positive-select").selectOption("bad");
    await expect.poll(() => text("positive-note")).toMatch(/^Positive class: bad/);

    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(id === "decision_tree");
    }
    const ensemble = page.getByTestId("ensemble-option");
    if (await ensemble.count()) await ensemble.setChecked(false);
    await page.getByTestId("start-run").click();
    const row = page.locator('[data-testid="leaderboard-row"][data-model="decision_tree"]');
    await row.waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), { timeout: 120_000 })
      .toBe("done");
    await row.getByTestId("open-evaluation").click();
    await expect
      .poll(() => page.getByTestId("evaluation").getAttribute("data-model"), WAIT)
      .toBe("decision_tree");
    // The threshold is about the positive class chosen in Frame.
    await expect
      .poll(async () => (await page.locator(".threshold-control").first().textContent()) ?? "", WAIT)
      .toMatch(/Call a row bad when its probability/);

    // The tree's text as drawn: at least 11 px on screen, and no link through a node's box.
    const tree = page.locator('[data-testid="chart"][data-chart="tree"] svg[aria-label="Decision tree"]');
    await expect.poll(() => tree.locator("text").count(), WAIT).toBeGreaterThan(3);
    await page.getByTestId("tree").scrollIntoViewIfNeeded();
    const drawn = await tree.evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
      const sizes = Array.from(svg.querySelectorAll("text")).map(
        (t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale,
      );
      const boxes = Array.from(svg.querySelectorAll("rect")).map((r) => r.getBoundingClientRect());
      const links = Array.from(svg.querySelectorAll("path")).map((p) => p.getBoundingClientRect());
      // A link's horizontal extent overlapping a box's by more than its stroke is a link over text.
      const crossings = links.filter((l) =>
        boxes.some(
          (b) =>
            Math.min(l.right, b.right) - Math.max(l.left, b.left) > 2 &&
            Math.min(l.bottom, b.bottom) - Math.max(l.top, b.top) > 2,
        ),
      ).length;
      return { smallest: Math.min(...sizes), crossings, links: links.length };
    });
    expect(drawn.links).toBeGreaterThan(1);
    // The root's majority is the training part's: 72% "good" (the tree's own class order, not the run's).
    expect(await tree.locator("text").first().textContent()).toMatch(/3,563 rows · good 72%/);
    expect(drawn.smallest).toBeGreaterThanOrEqual(11);
    expect(drawn.crossings).toBe(0);
    await shot("tree", '[data-testid="tree"]');
  });

  it("frames a project from the Data phase's sample strip when it has no framing", async () => {
    await page.goto(url);
    await newProject(page, "Strip sample");
    await page.getByTestId("load-sample-churn").click();
    await page.getByTestId("column-table").waitFor(WAIT);
    await expect.poll(() => text("dataset-summary"), WAIT).toContain("5,000 rows");
    await page.getByTestId("phase-frame").click();
    await expect.poll(() => text("task"), WAIT).toBe("Binary classification");
    expect(await page.getByTestId("target-select").inputValue()).toBe("churn");
    expect(await page.getByTestId("positive-select").inputValue()).toBe("yes");
  });

  it("shows the browser's own storage estimate in the header, whoever wrote last", async () => {
    // Something else writes 3 MB (a run, a model, another tab): the header follows the browser's figure.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("h8-storage-probe", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("blobs");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const bytes = new Uint8Array(3_000_000).map((_, i) => (i * 7919) % 251);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("blobs", "readwrite");
        tx.objectStore("blobs").put(bytes.buffer, "probe");
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    const estimateText = () =>
      page.evaluate(async () => {
        const { usage = 0 } = await navigator.storage.estimate();
        // formatBytes of src/persist/storage.ts, to one decimal in decimal units.
        const units = ["KB", "MB", "GB", "TB"];
        if (usage < 1000) return `${usage} B`;
        let v = usage;
        let u = -1;
        while (u < units.length - 1 && v >= 999.95) {
          v /= 1000;
          u++;
        }
        return `${v.toFixed(1)} ${units[u]}`;
      });
    await expect
      .poll(async () => (await text("storage-estimate")).includes(`${await estimateText()} used`), WAIT)
      .toBe(true);
  });
});
