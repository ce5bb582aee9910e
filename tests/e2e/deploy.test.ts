import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as ort from "onnxruntime-web";
import type { Browser, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainedFile } from "../unit/core/deploy/modelFiles.ts";
import { launch, newProject, startServer } from "./harness.ts";

let server: PreviewServer;
let url: string;
let browser: Browser;
let page: Page;

/** Screenshots go outside the repo; DEPLOY_SHOTS picks another folder. */
const SHOTS = process.env.DEPLOY_SHOTS ?? "/tmp/deploy-shots";
async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const WAIT = { timeout: 30_000 };

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Serious or critical axe-core violations on the page (run through the DevTools protocol, CSP on). */
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
 * Penguins rows as new data: columns reordered, an extra column, a missing bill length, two
 * islands the model never saw (three rows), and a row whose numbers are not numbers.
 */
function newRows(): string {
  const lines = readFileSync("public/samples/penguins.csv", "utf8").trim().split(/\r?\n/).slice(1, 61);
  const out = ["note,year,sex,body_mass_g,flipper_length_mm,bill_depth_mm,bill_length_mm,island"];
  lines.forEach((line, i) => {
    const r = line.split(",");
    const island = i === 3 || i === 7 ? '"Atlantis"' : i === 5 ? '"Mu"' : r[1];
    out.push([`n${i}`, r[7], r[6], r[5], r[4], r[3], i === 2 ? "" : r[2], island].join(","));
  });
  return `${out.join("\n")}\n`;
}

const heads = (p: Page) => p.getByTestId("version-head");
const head = (p: Page, n: number) => p.locator(`[data-testid="version-head"][data-version="${n}"]`);
const actionsOf = (p: Page, n: number) => p.locator(`[data-testid="version-actions"][data-version="${n}"]`);
const badge = async (p: Page, n: number) => (await head(p, n).locator(".badge").allTextContents()).join(" ");

/** Scores `csv` with the open version and returns the downloaded predictions' text. */
async function scoreAndDownload(p: Page, csv: string, name: string): Promise<string> {
  await p
    .getByTestId("score-drop-input")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await p.getByTestId("score-result").waitFor(WAIT);
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByTestId("download-predictions").click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `${name.replace(/\.csv$/, "").replace(/ /g, "-")}-predictions.csv`,
  );
  return readFileSync((await download.path())!, "utf8");
}

beforeAll(async () => {
  const started = await startServer(4195);
  server = started.server;
  url = started.url;
  ({ browser, page } = await launch());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("deploy: registry, model files and prediction", () => {
  let exported = "";
  let predictions = "";
  let htmlPath = "";

  it("registers two versions from a run, promotes, rolls back, predicts one row and scores a file", async () => {
    await page.goto(url);
    await page.getByTestId("sample-penguins").click();
    await page.getByTestId("column-table").waitFor(WAIT);
    await page.getByTestId("phase-frame").click();
    await page.getByTestId("target-select").selectOption("species");
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
    await page.waitForTimeout(800);
    await page.getByTestId("phase-train").click();
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(["logistic", "gbdt"].includes(id));
    }
    await page.getByTestId("ensemble-option").setChecked(false);
    await page.getByTestId("start-run").click();
    await expect
      .poll(() => page.getByTestId("run-state").getAttribute("data-status"), { timeout: 120_000 })
      .toBe("done");

    for (const [model, note, name] of [
      ["logistic", "first try", "v1"],
      ["gbdt", "boosted", "v2"],
    ] as const) {
      const cell = page.locator(`[data-testid="register"][data-model="${model}"]`);
      await cell.getByTestId("register-open").click();
      await cell.getByTestId("register-note").fill(note);
      await cell.getByTestId("register-confirm").click();
      await expect.poll(() => cell.getByTestId("registered").textContent(), WAIT).toContain(name);
    }

    await page.getByTestId("phase-deploy").click();
    await expect.poll(() => heads(page).count(), WAIT).toBe(2);
    expect(await badge(page, 1)).toBe("champion");
    expect(await badge(page, 2)).toBe("challenger");
    expect(await page.getByTestId("version-note").allTextContents()).toEqual(["first try", "boosted"]);
    expect(await page.getByTestId("same-data").textContent()).toMatch(/same rows/);

    await actionsOf(page, 2).getByTestId("promote").click();
    await expect.poll(() => badge(page, 2), WAIT).toBe("champion");
    expect(await badge(page, 1)).toBe("");
    await page.getByTestId("roll-back").click();
    await expect.poll(() => badge(page, 1), WAIT).toBe("champion");
    expect(await badge(page, 2)).toBe("challenger");
    // The champion cannot be deleted: the page says why and keeps it.
    await actionsOf(page, 1).getByTestId("delete-version").click();
    await actionsOf(page, 1).getByTestId("confirm-delete-version").click();
    await expect
      .poll(() => page.getByTestId("error-message").textContent(), WAIT)
      .toMatch(/v1 is the champion/);
    expect(await heads(page).count()).toBe(2);

    await actionsOf(page, 2).getByTestId("open-version").click();
    await expect.poll(() => page.getByTestId("version-use").getAttribute("data-version"), WAIT).toBe("2");
    expect(await page.getByTestId("card-target").textContent()).toBe("species");
    expect(await page.getByTestId("card-classes").textContent()).toContain("Adelie, Chinstrap, Gentoo");
    await page.getByTestId("predict-row").click();
    await expect
      .poll(() => page.getByTestId("predict-value").textContent(), WAIT)
      .toMatch(/Adelie|Chinstrap|Gentoo/);
    expect(await page.getByTestId("predict-proba").locator("li").count()).toBe(3);
    // Gradient boosting explains itself (TreeSHAP): its top reasons against a typical row.
    await page.getByTestId("predict-reasons").waitFor(WAIT);
    expect(await page.getByTestId("predict-reasons").locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("predict-reasons").textContent()).toMatch(
      /Top reasons, in .* of (Adelie|Chinstrap|Gentoo)/,
    );

    predictions = await scoreAndDownload(page, newRows(), "new rows.csv");
    const notes = await page.getByTestId("score-notes").textContent();
    expect(notes).toContain('3 rows of "island" hold categories the model never saw (Atlantis, Mu)');
    expect(notes).toContain("Ignored 1 column the model does not use: note.");
    expect(await page.getByTestId("score-summary").textContent()).toMatch(/Scored 60 of 60 rows/);
    const lines = predictions.trim().split("\n");
    expect(lines[0]).toBe(
      "note,year,sex,body_mass_g,flipper_length_mm,bill_depth_mm,bill_length_mm,island,prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo",
    );
    expect(lines).toHaveLength(61);
    await shot(page, "deploy-versions");
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      actionsOf(page, 2).getByTestId("export-version").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-v2\.json$/);
    exported = readFileSync((await download.path())!, "utf8");
    expect(JSON.parse(exported).format).toBe("automl-playground-model");

    const [html] = await Promise.all([
      page.waitForEvent("download"),
      actionsOf(page, 2).getByTestId("export-html").click(),
    ]);
    expect(html.suggestedFilename()).toMatch(/-v2\.html$/);
    htmlPath = join(SHOTS, "predictor.html");
    await html.saveAs(htmlPath);
  }, 240_000);

  it("imports the exported file in a fresh browser context and predicts the same numbers", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
    const other = await context.newPage();
    other.on("pageerror", (err) => console.error("[page error]", err.message));
    try {
      await other.goto(url);
      await newProject(other, "Received model");
      await other.getByTestId("phase-deploy").click();
      await other.getByTestId("no-versions").waitFor(WAIT);
      await other.getByTestId("import-drop-input").setInputFiles({
        name: "penguins-v2.json",
        mimeType: "application/json",
        buffer: Buffer.from(exported),
      });
      await expect.poll(() => heads(other).count(), WAIT).toBe(1);
      expect(await badge(other, 1)).toBe("champion");
      expect(await other.getByTestId("card-target").textContent()).toBe("species");
      const again = await scoreAndDownload(other, newRows(), "new rows.csv");
      expect(again).toBe(predictions);

      // A changed number in the file: refused with the reason, nothing stored.
      const file = JSON.parse(exported);
      file.card.scores.cv_mean = 0.999;
      const tampered = JSON.stringify(file);
      await other.getByTestId("import-drop-input").setInputFiles({
        name: "tampered.json",
        mimeType: "application/json",
        buffer: Buffer.from(tampered),
      });
      await expect
        .poll(() => other.getByTestId("import-error").getByRole("alert").textContent(), WAIT)
        .toBe(
          '"tampered.json" was not imported: the file was changed after export (checksum mismatch). Nothing was stored.',
        );
      expect(await heads(other).count()).toBe(1);
      await shot(other, "deploy-imported");

      // A bare pipeline file (what `train --out` writes) is taken, with a note that it has no card.
      const bare = JSON.stringify(JSON.parse(exported).pipeline);
      await other
        .getByTestId("import-drop-input")
        .setInputFiles({ name: "bare.json", mimeType: "application/json", buffer: Buffer.from(bare) });
      await expect.poll(() => heads(other).count(), WAIT).toBe(2);
      expect(await other.getByTestId("import-notes").textContent()).toMatch(
        /bare pipeline file without a model card/,
      );
      expect(await other.getByTestId("version-use").getAttribute("data-version")).toBe("2");

      // A big file can be cancelled while it is read or scored: no result, no error, and the
      // next file scores (the worker was replaced).
      const rows = newRows().trim().split("\n");
      const big = `${rows[0]}\n${Array.from({ length: 4000 }, () => rows.slice(1).join("\n")).join("\n")}\n`;
      // From disk: a 14 MB buffer through the protocol is slow on a busy machine.
      const bigPath = join(SHOTS, "big.csv");
      writeFileSync(bigPath, big);
      await other.getByTestId("score-drop-input").setInputFiles(bigPath);
      await other.getByTestId("score-progress").waitFor(WAIT);
      await other.getByTestId("cancel-score").click();
      await expect.poll(() => other.getByTestId("score-progress").count(), WAIT).toBe(0);
      expect(await other.getByTestId("score-result").count()).toBe(0);
      expect(await other.getByTestId("error-message").count()).toBe(0);
      expect(await scoreAndDownload(other, newRows(), "new rows.csv")).toBe(predictions);

      // The HTML predictor from file://, every request blocked: the same prediction columns.
      await context.route("**/*", (route) =>
        route.request().url().startsWith("file:") ? route.continue() : route.abort(),
      );
      const offline = await context.newPage();
      await offline.goto(`file://${htmlPath}`);
      await offline.locator("#csv-file").setInputFiles({
        name: "new rows.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(newRows()),
      });
      await offline.locator("#download:not([disabled])").waitFor(WAIT);
      const [saved] = await Promise.all([
        offline.waitForEvent("download"),
        offline.locator("#download").click(),
      ]);
      const fromHtml = readFileSync((await saved.path())!, "utf8")
        .trim()
        .split("\n");
      const ours = predictions.trim().split("\n");
      const at = ours[0].split(",").indexOf("prediction");
      // Predict's columns follow the input columns in the app's file; no field here holds a comma.
      expect(fromHtml).toEqual(ours.map((line) => line.split(",").slice(at).join(",")));
    } finally {
      await context.close();
    }
  }, 120_000);

  it("exports a version as ONNX that ONNX Runtime scores as the page does, and refuses kNN with a sentence", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      actionsOf(page, 2).getByTestId("export-onnx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-v2\.onnx$/);
    const bytes = readFileSync((await download.path())!);
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all" });
    // The page's scored file holds the inputs as read, then the prediction and probabilities.
    const lines = predictions
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const header = lines[0];
    const rows = lines.slice(1);
    const inputs = (JSON.parse(exported).pipeline.inputs as { name: string; kind: string }[]).map((i) => {
      const at = header.indexOf(i.name);
      const cells = rows.map((r) => r[at].replace(/^"|"$/g, ""));
      return [
        i.name,
        i.kind === "numeric"
          ? new ort.Tensor(
              "float32",
              Float32Array.from(cells, (c) => (c === "" ? Number.NaN : Number(c))),
              [rows.length, 1],
            )
          : new ort.Tensor("string", cells, [rows.length, 1]),
      ] as const;
    });
    const out = await session.run(Object.fromEntries(inputs));
    const label = out.label.data as string[];
    const proba = out.probabilities.data as Float32Array;
    const p = header.indexOf("prediction");
    rows.forEach((r, i) => {
      expect(label[i]).toBe(r[p]);
      for (let c = 0; c < 3; c++)
        expect(Math.abs(proba[i * 3 + c] - Number(r[p + 1 + c]))).toBeLessThan(1e-4);
    });

    // A kNN version: no faithful ONNX form, so the page says why and downloads nothing.
    const knn = JSON.stringify(await trainedFile("knn", "species"));
    await page
      .getByTestId("import-drop-input")
      .setInputFiles({ name: "knn.json", mimeType: "application/json", buffer: Buffer.from(knn) });
    await expect.poll(() => heads(page).count(), WAIT).toBe(3);
    let downloads = 0;
    page.on("download", () => downloads++);
    await actionsOf(page, 3).getByTestId("export-onnx").click();
    await expect
      .poll(() => page.getByTestId("error-message").textContent(), WAIT)
      .toMatch(
        /^This version cannot be exported to ONNX\. The k-nearest-neighbours model cannot be exported/,
      );
    expect(downloads).toBe(0);
    await shot(page, "deploy-onnx-refused");
  }, 120_000);
});
