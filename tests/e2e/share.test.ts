import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readCsvText } from "../../src/core/data/readCsv.ts";
import { dataFingerprint } from "../../src/core/deploy/dataFingerprint.ts";
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_VERSION,
  type SharedExperiment,
} from "../../src/core/share/experiment.ts";
import { experimentFile } from "../../src/core/share/experimentCodec.ts";
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

/** The run's leaderboard of the project on screen in full precision, as stored (every score, in ladder order). */
async function storedLeaderboard(p: Page): Promise<unknown[]> {
  return p.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("automl-playground");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("runs").objectStore("runs").getAll();
          all.onsuccess = () => {
            // The runs of the project on screen (`#/p/<id>/...`).
            const projectId = decodeURIComponent(location.hash.split("/")[2] ?? "");
            const runs = (
              all.result as { projectId: string; status: string; entries: Record<string, unknown>[] }[]
            ).filter((r) => r.status === "done" && r.projectId === projectId);
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

/** The recipes saved in the projects of this browser (null where a project has none). */
async function savedRecipes(p: Page): Promise<unknown[]> {
  return p.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("automl-playground");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("projects").objectStore("projects").getAll();
          all.onsuccess = () => resolve((all.result as { recipe?: unknown }[]).map((r) => r.recipe ?? null));
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
    // The teacher never opened Prepare, so the experiment has no recipe. The student opens it: the
    // app saves its proposed recipe, and training on it must still give the teacher's leaderboard.
    expect(await savedRecipes(p)).toEqual([null]);
    await p.getByTestId("phase-prepare").click();
    await p.getByTestId("recipe-step").first().waitFor(WAIT);
    await expect.poll(() => savedRecipes(p).then((r) => r[0] !== null), WAIT).toBe(true);
    await p.getByTestId("phase-train").click();
    await p.getByTestId("model-option").first().waitFor(WAIT);
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

/** A seeded table whose numbers (full double precision) pack to more than a link carries. */
function bigTable(rows: number, features: number, seed = 20261206): string {
  let s = seed >>> 0;
  // mulberry32: the same table every run.
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const names = Array.from({ length: features }, (_, i) => `x${i + 1}`);
  const lines = [[...names, "target"].join(",")];
  for (let r = 0; r < rows; r++) {
    const x = names.map(() => next() * 10);
    const label = x[0] + x[1] + 3 * (next() - 0.5) > 10 ? "yes" : "no";
    lines.push([...x.map(String), label].join(","));
  }
  return `${lines.join("\n")}\n`;
}

describe("a table bigger than a link", () => {
  const BIG_MODELS = ["baseline", "logistic", "decision_tree"];

  it("offers only the .automl file, which opens offline in a fresh browser and trains to the same leaderboard", async () => {
    const csv = bigTable(8000, 8);
    await page.goto(url);
    await dropFile(page, '[data-testid="start-drop"]', "big_numbers.csv", csv);
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/data$/);
    await page.getByTestId("column-table").waitFor(WAIT);
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("target");
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(BIG_MODELS.includes(id));
    }
    await page.getByTestId("start-run").click();
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), { timeout: 300_000 })
      .toBe("done");
    const board = await storedLeaderboard(page);
    expect(board.length).toBe(BIG_MODELS.length + 1);

    await page.getByTestId("share-open").click();
    // The page's long tasks while packing (the CSV, SHA-256 and gzip run in the share worker), reported.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    await page.getByTestId("share-create").click();
    await page.getByTestId("share-too-big").waitFor(WAIT);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `share of 8,000 x 9: page long tasks while packing ${JSON.stringify(longTasks.map(Math.round))} ms`,
    );
    expect(await page.getByTestId("share-link").count()).toBe(0);
    expect(await page.getByTestId("share-too-big").textContent()).toMatch(
      /link would be [\d.]+ (KB|MB) long/,
    );
    expect(await page.getByTestId("share-size").textContent()).toMatch(/MB of data packed into a file/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("share-file").click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    await page.getByTestId("share-close").click();

    const fresh = await context
      .browser()!
      .newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
    const p = await fresh.newPage();
    p.on("pageerror", (err) => console.error("[student page error]", err.message));
    await p.goto(url);
    await p.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await p.reload();
    expect(await p.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await fresh.setOffline(true);
    await p.getByTestId("start-drop-input").setInputFiles({
      name: "big_numbers.automl",
      mimeType: "application/octet-stream",
      buffer: bytes,
    });
    await expect.poll(() => p.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/train$/);
    expect(await p.getByTestId("shared-check").textContent()).toMatch(/checked/);
    await p.getByTestId("model-option").first().waitFor(WAIT);
    await p.getByTestId("start-run").click();
    await expect
      .poll(() => p.getByTestId("run-state").getAttribute("data-status"), { timeout: 300_000 })
      .toBe("done");
    expect(await storedLeaderboard(p)).toEqual(board);
    await fresh.close();
  });

  it("cancels opening a large .automl file, keeping nothing; the same file then opens", async () => {
    const csv = bigTable(100_000, 8);
    const { frame } = await readCsvText(csv);
    const experiment: SharedExperiment = {
      format: EXPERIMENT_FORMAT,
      version: EXPERIMENT_VERSION,
      name: "Big lesson",
      phase: "data",
      data: {
        name: "big_numbers.csv",
        csv,
        rows: frame.rows,
        columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
        sha256: await dataFingerprint(frame),
      },
      framing: null,
      recipe: null,
      split: null,
      run: null,
      teacher: null,
    };
    const file = experimentFile(new Uint8Array(gzipSync(JSON.stringify(experiment))));
    const fresh = await context
      .browser()!
      .newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
    const p = await fresh.newPage();
    const projectCount = () =>
      p.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open("automl-playground");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction("projects").objectStore("projects").count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    const drop = () =>
      p.getByTestId("start-drop-input").setInputFiles({
        name: "big_numbers.automl",
        mimeType: "application/octet-stream",
        buffer: Buffer.from(file),
      });
    await p.goto(url);
    await p.getByTestId("start-drop").waitFor(WAIT);
    await drop();
    await p.getByTestId("open-cancel").click();
    await p.getByTestId("open-status").waitFor({ state: "detached", ...WAIT });
    expect(await p.getByTestId("open-error").count()).toBe(0);
    expect(await p.evaluate(() => location.hash)).not.toMatch(/^#\/p\//);
    expect(await projectCount()).toBe(0);

    // Every text the status line shows while the file opens, to see that it reports how far it is.
    await p.evaluate(() => {
      const w = window as unknown as { statusTexts: string[] };
      w.statusTexts = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="open-status"]')?.textContent;
        if (text && w.statusTexts.at(-1) !== text) w.statusTexts.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await drop();
    await expect
      .poll(() => p.evaluate(() => location.hash), { timeout: 300_000 })
      .toMatch(/^#\/p\/[^/]+\/data$/);
    expect(await p.getByTestId("shared-check").textContent()).toMatch(/checked/);
    expect(await projectCount()).toBe(1);
    const texts = await p.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    expect(
      texts.some((t) => /\d+%/.test(t)),
      texts.join(" / "),
    ).toBe(true);
    await fresh.close();
  });
});
