import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { columnKind, dropFile, openSample, useApp } from "./harness.ts";

let url: string;
let context: BrowserContext;
let page: Page;

useApp(4215, (app) => {
  ({ url, context, page } = app);
});

/** Screenshots go outside the repo; SHARE_SHOTS picks another folder. */
const SHOTS = process.env.SHARE_SHOTS ?? "/tmp/share-shots";
async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const WAIT = { timeout: 60_000 };
const MODELS = ["baseline", "logistic", "decision_tree", "random_forest"];

/** A run's leaderboard in full precision, as stored (every score, in ladder order). */
async function storedLeaderboard(p: Page): Promise<unknown[]> {
  return p.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("automl-playground");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("runs").objectStore("runs").getAll();
          all.onsuccess = () => {
            const runs = (all.result as { status: string; entries: Record<string, unknown>[] }[]).filter(
              (r) => r.status === "done",
            );
            const entries = runs.length === 1 ? runs[0].entries : [];
            resolve(
              entries.map((e) => ({
                model: e.model,
                cv_mean: e.cv_mean,
                cv_std: e.cv_std,
                fold_scores: e.fold_scores,
                train_mean: e.train_mean,
                metrics: e.metrics,
                test_metrics: e.test_metrics,
              })),
            );
          };
        };
      }),
  );
}

/** The leaderboard's rows as the page shows them: model, then its cross-validated, training and test scores. */
const shownRows = (p: Page) =>
  p
    .getByTestId("leaderboard-row")
    .evaluateAll((rows) =>
      rows.map((r) =>
        [
          r.getAttribute("data-model"),
          ...["cv-score", "train-score", "test-score"].map(
            (id) => r.querySelector(`[data-testid="${id}"]`)?.textContent,
          ),
        ].join(" | "),
      ),
    );

describe("first screen and shared experiments", () => {
  it("drops a CSV on the first screen and lands in a project named after it, loaded", async () => {
    await page.goto(url);
    const csv = readFileSync(new URL("../../public/samples/penguins.csv", import.meta.url), "utf8");
    await dropFile(page, '[data-testid="start-drop"]', "penguins.csv", csv);
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/data$/);
    expect(await page.getByTestId("project-name").textContent()).toBe("penguins");
    await page.getByTestId("column-table").waitFor(WAIT);
    await expect.poll(() => page.getByTestId("dataset-summary").textContent(), WAIT).toContain("344 rows");
    expect(await page.getByTestId("phase-question").textContent()).toMatch(/right column types/);
  });

  it("shares a table whose column kind was changed: the copy has that kind and the same SHA-256", async () => {
    await page
      .locator('[data-testid="column-row"][data-column="year"] [data-testid="kind-select"]')
      .selectOption("categorical");
    await page.locator('[data-testid="column-row"][data-column="year"] .inferred').waitFor(WAIT);
    await page.getByTestId("share-open").click();
    await page.getByTestId("share-create").click();
    await page.getByTestId("share-link").waitFor(WAIT);
    const penguins = await page.getByTestId("share-link").inputValue();
    await page.getByTestId("share-close").click();
    const other = await context.newPage();
    await other.goto(penguins);
    await expect.poll(() => other.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/data$/);
    expect(await other.getByTestId("shared-check").textContent()).toMatch(/checked/);
    await other.getByTestId("column-table").waitFor(WAIT);
    expect(await columnKind(other, "year")).toBe("categorical");
    expect(await columnKind(other, "bill_length_mm")).toBe("numeric");
    await other.close();
  });

  let link = "";
  let teacherBoard: unknown[] = [];
  let teacherRows: string[] = [];

  it("trains a sample, then shares it as a link that carries the data", async () => {
    await openSample(page, url, "iris", "150 rows");
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(MODELS.includes(id));
    }
    await page.getByTestId("start-run").click();
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), { timeout: 180_000 })
      .toBe("done");
    teacherBoard = await storedLeaderboard(page);
    teacherRows = await shownRows(page);
    expect(teacherBoard.length).toBe(MODELS.length + 1);

    await page.getByTestId("share-open").click();
    await page.getByTestId("share-phase").selectOption("train");
    await page.getByTestId("share-create").click();
    await page.getByTestId("share-link").waitFor(WAIT);
    link = await page.getByTestId("share-link").inputValue();
    expect(link.startsWith(`${url}#/open/1.`)).toBe(true);
    expect(await page.getByTestId("share-size").textContent()).toMatch(
      /KB of data packed into a [\d.]+ KB link/,
    );
    await shot(page, "share-dialog");
    await page.getByTestId("share-close").click();
  });

  it("opens the link in a fresh browser offline, checks the data and trains to the same leaderboard", async () => {
    const student = await context
      .browser()!
      .newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
    const p = await student.newPage();
    p.on("pageerror", (err) => console.error("[student page error]", err.message));
    const requested: string[] = [];
    student.on("request", (r) => requested.push(r.url()));
    // Installed and precached while online, as a student's first visit to the app is.
    await p.goto(url);
    await p.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await p.reload();
    expect(await p.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await student.setOffline(true);

    await p.goto(link);
    await expect.poll(() => p.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/train$/);
    // The payload is gone from the address bar and the history entry.
    expect(await p.evaluate(() => location.href.includes("/open/"))).toBe(false);
    expect(await p.getByTestId("project-name").textContent()).toBe("Iris flowers");
    expect(await p.getByTestId("shared-check").textContent()).toMatch(/checked/);
    await p.getByTestId("model-option").first().waitFor(WAIT);
    const ticked = await p
      .getByTestId("model-option")
      .evaluateAll((els) =>
        els.filter((el) => el.querySelector("input")?.checked).map((el) => el.getAttribute("data-model")),
      );
    expect(ticked).toEqual(MODELS);
    await p.getByTestId("start-run").click();
    await expect
      .poll(() => p.getByTestId("run-state").getAttribute("data-status"), { timeout: 180_000 })
      .toBe("done");
    expect(await storedLeaderboard(p)).toEqual(teacherBoard);
    expect(await shownRows(p)).toEqual(teacherRows);
    await shot(p, "student-train");

    // Nothing asked for the experiment: no request carried the fragment or any part of it.
    const payload = link.slice(link.indexOf("#/open/") + 7);
    expect(requested.filter((u) => u.includes("#") || u.includes(payload.slice(0, 40)))).toEqual([]);
    await student.close();
  });

  it("hands out the same experiment as a .automl file, which opens dropped on the first screen", async () => {
    await page.goto(url);
    await page.getByTestId("project-link").filter({ hasText: "Iris flowers" }).click();
    await page.getByTestId("phase-train").click();
    await page.getByTestId("share-open").click();
    await page.getByTestId("share-create").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("share-file").click(),
    ]);
    expect(download.suggestedFilename()).toBe("Iris_flowers.automl");
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 20).toString("latin1")).toBe("automl-experiment 1 ");
    await page.goto(url);
    await page.getByTestId("start-drop-input").setInputFiles({
      name: "Iris_flowers.automl",
      mimeType: "application/octet-stream",
      buffer: bytes,
    });
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/train$/);
    expect(await page.getByTestId("shared-check").textContent()).toMatch(/checked/);
    await page.getByTestId("model-option").first().waitFor(WAIT);
  });

  it("refuses a damaged link with a message that says what is wrong", async () => {
    await page.goto(link.slice(0, -50));
    await expect.poll(() => page.getByTestId("open-error").textContent(), WAIT).toMatch(/cut short/);
    const changed = link.replace(/#\/open\/1\./, "#/open/9.");
    await page.goto(changed);
    await expect.poll(() => page.getByTestId("open-error").textContent(), WAIT).toMatch(/newer version/);
  });
});
