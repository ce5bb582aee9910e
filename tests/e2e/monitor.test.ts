// The Monitor phase in the built app: train and register on penguins, drop three batches
// (unchanged, shifted, shifted and labelled), read the timeline, retrain, compare, promote and
// roll back; axe-core on the full phase.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

const WAIT = { timeout: 30_000 };
const TRAIN_WAIT = { timeout: 180_000 };

/** Screenshots go outside the repo; MONITOR_SHOTS picks another folder. */
const SHOTS = process.env.MONITOR_SHOTS ?? "/tmp/monitor-shots";
async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
async function axeViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.evaluate(AXE);
  return p.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the script above defines
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
  });
}

/**
 * Batches made from the penguins sample, the rows `pick` takes (0-based; the file's rows come in
 * male / female pairs sorted by species and year, so a fair sample takes whole pairs): the four
 * measurements scaled by `scale` (1: unchanged; bill depth divided), with or without the species.
 */
function batch(pick: (row: number) => boolean, scale: number, labelled: boolean): string {
  const [header, ...rows] = readFileSync("public/samples/penguins.csv", "utf8").trim().split(/\r?\n/);
  const cols = header.split(",");
  const keep = cols.map((_, i) => labelled || i !== 0);
  const out = [cols.filter((_, i) => keep[i]).join(",")];
  for (const line of rows.filter((_, i) => pick(i))) {
    const cells = line.split(",").map((v, i) => {
      if (i < 2 || i > 5 || v === "NA" || v === "") return v;
      const factor = i === 3 ? 1 / scale : scale;
      return String(Math.round(Number(v) * factor * 10) / 10);
    });
    out.push(cells.filter((_, i) => keep[i]).join(","));
  }
  return `${out.join("\n")}\n`;
}

async function drop(p: Page, name: string, csv: string, number: number) {
  await p
    .getByTestId("batch-drop-input")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  const report = p.locator(`[data-testid="batch-report"][data-batch="${number}"]`);
  const alert = p.locator(".monitor-phase [role=alert]");
  try {
    await report.or(alert).first().waitFor(WAIT);
  } catch (err) {
    await shot(p, `failed-${name}`);
    throw err;
  }
  if (await alert.count()) throw new Error(`monitoring ${name} failed: ${await alert.first().textContent()}`);
}

const decisions = (p: Page, action: string) => p.locator(`[data-testid="decision"][data-action="${action}"]`);

describe("monitor: batches, timeline, retrain, compare, promote", () => {
  let page: Page;
  let url: string;
  useApp(4211, (app) => {
    page = app.page;
    url = app.url;
  });

  it("trains and registers a model on penguins with a success criterion", async () => {
    await openSample(page, url, "penguins", "344 rows");
    await page.getByTestId("phase-frame").click();
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
    await page.getByTestId("criterion-input").fill("accuracy >= 0.9");
    await expect.poll(() => page.getByTestId("criterion-ok").textContent(), WAIT).toContain("Accuracy ≥ 0.9");
    // The framing is written shortly after typing stops.
    await page.waitForTimeout(800);
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(id === "logistic");
    }
    await page.getByTestId("ensemble-option").setChecked(false);
    await page.getByTestId("start-run").click();
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), TRAIN_WAIT)
      .toBe("done");
    const cell = page.locator('[data-testid="register"][data-model="logistic"]');
    await cell.getByTestId("register-open").click();
    await cell.getByTestId("register-confirm").click();
    await expect.poll(() => cell.getByTestId("registered").textContent(), WAIT).toContain("v1");
  });

  it("monitors an unchanged, a shifted and a shifted labelled batch and says when the criterion is crossed", async () => {
    await page.getByTestId("phase-monitor").click();
    await page.getByTestId("monitor-version").waitFor(WAIT);
    expect(await page.getByTestId("no-batches").textContent()).toMatch(/No batch/);

    await drop(
      page,
      "unchanged.csv",
      batch((i) => i % 4 < 2, 1, false),
      1,
    );
    expect(await page.getByTestId("dataset-drift").getAttribute("data-drift")).toBe("false");
    expect(await page.getByTestId("estimated-performance").textContent()).toMatch(
      /Estimated Accuracy without labels: 0\.\d+/,
    );
    expect(await page.getByTestId("cbpe-assumptions").textContent()).toMatch(/calibrated/);
    expect(await page.getByTestId("drift-row").count()).toBe(7);

    await drop(
      page,
      "shifted.csv",
      batch((i) => i % 4 >= 2, 1.3, false),
      2,
    );
    expect(await page.getByTestId("dataset-drift").getAttribute("data-drift")).toBe("true");
    expect(await page.getByTestId("dataset-drift").textContent()).toMatch(
      /^Dataset drift: [4-7] of 7 columns drifted/,
    );

    await page.getByTestId("keep-rows").check();
    await drop(
      page,
      "shifted-labelled.csv",
      batch(() => true, 1.3, true),
      3,
    );
    expect(await page.getByTestId("performance").textContent()).toMatch(
      /^Accuracy on the 344 labelled rows: 0\.\d+, [\d.]+ lower \(worse\) than at training/,
    );
    expect(await page.getByTestId("batch-report").textContent()).toContain(
      "Its 344 rows are kept for retraining.",
    );
    const verdict = await page.getByTestId("timeline-verdict").textContent();
    expect(verdict).toContain("Dataset drift first at batch #2 (shifted.csv)");
    expect(verdict).toMatch(/The success criterion \(Accuracy ≥ 0\.9\) is crossed at batch #\d/);
    expect(await page.locator('[data-chart="drift-timeline"] svg').count()).toBe(1);
    expect(await page.locator('[data-chart="performance-timeline"] svg').count()).toBe(1);

    // A column's test and threshold, changed by the person: the batch is tested again.
    const row = page.locator('[data-testid="drift-row"][data-column="bill_length_mm"]');
    expect(await row.getByTestId("drift-test").inputValue()).toBe("ks");
    await row.getByTestId("drift-test").selectOption("psi");
    await expect.poll(() => row.getByTestId("drift-threshold").inputValue(), WAIT).toBe("0.1");
    await row.getByTestId("drift-threshold").fill("50");
    await row.getByTestId("drift-threshold").press("Enter");
    await expect.poll(() => row.getAttribute("data-drift"), WAIT).toBe("false");
    await row.getByTestId("drill").click();
    await page
      .locator('[data-testid="column-drill"] [data-chart="drift-distribution"] svg')
      .first()
      .waitFor(WAIT);
    await shot(page, "monitor-batches");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("retrains a challenger, compares it on held-out labelled rows, promotes it and rolls back", async () => {
    // A retrain stopped at once: nothing registered, no decision, no error. Stop is pressed the
    // moment it shows (a retrain of these few rows can end before a later click lands).
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const stop = document.querySelector<HTMLButtonElement>(
          '[data-testid="monitor-busy"][data-kind="retrain"] [data-testid="monitor-cancel"]',
        );
        if (!stop) return;
        observer.disconnect();
        stop.click();
        document.body.dataset.stopPressed = "yes";
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    await page.getByTestId("retrain").click();
    await page.getByTestId("monitor-busy").waitFor({ state: "detached", ...WAIT });
    expect(await page.evaluate(() => document.body.dataset.stopPressed)).toBe("yes");
    expect(await page.locator(".monitor-phase [role=alert]").count()).toBe(0);
    expect(await decisions(page, "retrain").count()).toBe(0);
    expect(await page.getByTestId("aliases").textContent()).toMatch(/Challenger: none/);

    await page.getByTestId("retrain").click();
    await decisions(page, "retrain").waitFor(TRAIN_WAIT);
    expect(await decisions(page, "retrain").textContent()).toMatch(
      /Trained v2 .* 172 rows of batch #3 held out for the comparison/,
    );
    expect(await page.getByTestId("aliases").textContent()).toBe(
      "Champion: v1 (Logistic regression). Challenger: v2 (Logistic regression).",
    );
    await page.getByTestId("compare").click();
    await page.getByTestId("comparison").waitFor(WAIT);
    expect(await page.getByTestId("comparison").textContent()).toMatch(/172 labelled rows of batch #3/);
    expect(await page.getByTestId("difference").textContent()).toMatch(
      /95% interval -?[\d.]+ to -?[\d.]+ \(paired bootstrap, 1000 resamples/,
    );
    expect(await page.getByTestId("mcnemar").textContent()).toMatch(/exact p = [\d.e-]+, mid-p = [\d.e-]+/);
    await shot(page, "monitor-compare");

    await page.getByTestId("promote").click();
    await decisions(page, "promote").waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId("aliases").textContent(), WAIT)
      .toMatch(/^Champion: v2 .*Challenger: none/);
    expect(await decisions(page, "promote").textContent()).toMatch(
      /Promoted v2 to champion; v1 is kept .* Evidence: On 172 labelled rows/,
    );

    await page.getByTestId("monitor-roll-back").click();
    await decisions(page, "rollback").waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId("aliases").textContent(), WAIT)
      .toMatch(/^Champion: v1 .*Challenger: v2/);
    expect(await page.getByTestId("decision").count()).toBe(4);
    await shot(page, "monitor-decisions");
  });
});
