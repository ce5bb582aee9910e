/**
 * The single-file HTML predictor opened from file:// in Chromium with every network request
 * blocked and recorded: it shows the card, scores one row and a CSV with unseen categories,
 * missing values, reordered and extra columns, and "Download predictions" saves exactly the bytes
 * `predict` writes for the same file. A model edited inside the page is refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { predictorBundle } from "../../src/cli/predictorBundle.ts";
import { buildHtmlPredictor } from "../../src/core/deploy/htmlPredictor.ts";
import type { ModelFile } from "../../src/core/deploy/modelFile.ts";
import { ensembleFile, trainedFile } from "../unit/core/deploy/modelFiles.ts";
import { launch } from "./harness.ts";

const CREDIT = join(import.meta.dirname, "..", "..", "public", "samples", "credit_data.csv");
const dir = mkdtempSync(join(tmpdir(), "html-predictor-"));
const at = (name: string) => join(dir, name);

let browser: Browser;
let context: BrowserContext;
/** Every request the pages tried (all blocked) and every console message about the policy. */
const requests: string[] = [];
const cspReports: string[] = [];
const pageErrors: string[] = [];

/**
 * Credit rows as new data: columns reversed, the target kept as an extra column, categories
 * training never saw, empty cells and a number that is not one.
 */
function newRows(): string {
  // Every row (4,454): more than one of the page's scoring slices of 4,096 rows.
  const lines = readFileSync(CREDIT, "utf8").trim().split(/\r?\n/);
  const rows = lines.map((l) => l.split(","));
  const col = (name: string) => rows[0].indexOf(`"${name}"`);
  const edit = (r: number, name: string, value: string) => (rows[r][col(name)] = value);
  edit(3, "Home", '"castle"');
  edit(10, "Home", '"castle"');
  edit(5, "Job", '"astronaut"');
  edit(2, "Income", "");
  edit(7, "Income", "");
  edit(9, "Marital", "");
  edit(11, "Age", '"abc"');
  edit(12, "Records", "");
  return `${rows.map((r) => [...r].reverse().join(",")).join("\n")}\n`;
}

/** Runs the CLI in-process; its output and status. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Writes the model file and its HTML predictor; returns their paths. */
async function writeModel(name: string, file: ModelFile): Promise<{ model: string; html: string }> {
  const model = at(`${name}.json`);
  const html = at(`${name}.html`);
  writeFileSync(model, JSON.stringify(file));
  const res = await cli("export", model, "--format", "html", "--out", html);
  expect(res.code, res.stderr).toBe(0);
  return { model, html };
}

/** Opens a predictor page from disk and waits for its verdict on the model. */
async function open(html: string): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspReports.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`file://${html}`);
  await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
  return page;
}

/** Uploads a CSV through the file input and returns the downloaded predictions' bytes. */
async function scoreFile(page: Page, csv: string): Promise<{ name: string; bytes: Buffer }> {
  await page.setInputFiles("#csv-file", csv);
  await page.waitForSelector("#download:not([disabled])", { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const saved = at(`download-${Date.now()}.csv`);
  await download.saveAs(saved);
  return { name: download.suggestedFilename(), bytes: readFileSync(saved) };
}

const models: Record<string, ModelFile> = {};
const NEW_ROWS = at("new-rows.csv");

beforeAll(async () => {
  writeFileSync(NEW_ROWS, newRows());
  models.gbdt = await trainedFile("gbdt", "Status", CREDIT);
  models.logistic = await trainedFile("logistic", "Status", CREDIT);
  models.ensemble = await ensembleFile(models.gbdt, models.logistic, [0.7, 0.3]);
  models.mlp = await trainedFile("mlp", "Status", CREDIT);
  ({ browser, context } = await launch());
  // Nothing may leave the page: the file itself is the only address it may open.
  await context.route("**", (route) => {
    const url = route.request().url();
    if (url.startsWith(`file://${dir}/`) && url.endsWith(".html")) return route.continue();
    requests.push(url);
    return route.abort();
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(["gbdt", "ensemble", "mlp"])("the HTML predictor of a %s model", (name) => {
  it("downloads exactly what predict writes for a CSV with unseen categories and missing values", async () => {
    const { model, html } = await writeModel(name, models[name]);
    const page = await open(html);
    expect(await page.getAttribute("body", "data-ready")).toBe("true");
    await expect.poll(() => page.textContent("#card-title")).toBe("Model card");
    expect(await page.textContent("main")).toContain(models[name].card.model.label);
    const { name: saved, bytes } = await scoreFile(page, NEW_ROWS);
    expect(saved).toBe("new-rows-predictions.csv");
    const res = await cli("predict", model, NEW_ROWS, "--out", at(`${name}-cli.csv`));
    expect(res.code, res.stderr).toBe(0);
    const expected = readFileSync(at(`${name}-cli.csv`));
    expect(bytes.length).toBe(expected.length);
    expect(bytes.equals(expected)).toBe(true);
    expect(bytes.toString("utf8").split("\n")[0]).toBe("prediction,proba_bad,proba_good");
    // The reader notes the "abc" age (read as missing), as `predict` reads it.
    expect(await page.textContent("#batch-status")).toBe(
      "Scored 4454 rows of new-rows.csv; the reader noted 1 problem.",
    );

    // One row from the form, changed by hand, against predict on the same row as a CSV.
    const card = models[name].card;
    const ageField = `#field-${card.inputs.findIndex((i) => i.name === "Age")}`;
    const homeField = `#field-${card.inputs.findIndex((i) => i.name === "Home")}`;
    await page.fill(ageField, "23");
    await page.selectOption(homeField, "parents");
    await page.click("form button[type=submit]");
    await page.waitForSelector("#row-prediction");
    const values = await page.$$eval("form input, form select", (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    const one = at(`${name}-one.csv`);
    const quote = (v: string) => (v === "" ? "" : `"${v}"`);
    writeFileSync(
      one,
      `${card.inputs.map((i) => quote(i.name)).join(",")}\n${values.map(quote).join(",")}\n`,
    );
    const single = await cli("predict", model, one);
    expect(single.code, single.stderr).toBe(0);
    expect(await page.textContent("#row-prediction")).toBe(single.stdout.split("\n")[1].split(",")[0]);
    await page.close();
  });
});

/** A small CSV whose column names, categories and class labels are hostile text. */
function hostileCsv(): string {
  const label = ["<img src=x onerror=fetch('//x.test/')>", '=HYPERLINK("http://x.test/","go")'];
  const level = [
    '" onload="fetch(\'//x.test/\')" x="',
    "</script><script>fetch('//x.test/')</script>",
    "c onerror=a",
  ];
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [[q("c onerror=a"), q("<svg onload=alert(1)>"), q("label")].join(",")];
  for (let i = 0; i < 120; i++) {
    const x = (i * 37) % 100;
    lines.push([String(x), q(level[i % 3]), q(label[x > 50 ? 1 : 0])].join(","));
  }
  return `${lines.join("\n")}\n`;
}

describe("the HTML predictor of a model with hostile names", () => {
  it("shows them as text, runs nothing of theirs and writes predict's bytes", async () => {
    const csv = at("hostile.csv");
    writeFileSync(csv, hostileCsv());
    const { model, html } = await writeModel("hostile", await trainedFile("logistic", "label", csv));
    const page = await open(html);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(await page.getAttribute("body", "data-ready")).toBe("true");
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("<img src=x onerror=fetch('//x.test/')>");
    expect(main).toContain("<svg onload=alert(1)>");
    expect(await page.locator("main img, main svg, main script").count()).toBe(0);
    await page.click("form button[type=submit]");
    await page.waitForSelector("#row-prediction");
    const { bytes } = await scoreFile(page, csv);
    const res = await cli("predict", model, csv, "--out", at("hostile-cli.csv"));
    expect(res.code, res.stderr).toBe(0);
    expect(bytes.equals(readFileSync(at("hostile-cli.csv")))).toBe(true);
    // The formula class comes out neutralised, as predict writes it.
    expect(bytes.toString("utf8")).toContain(`"'=HYPERLINK(""http://x.test/"",""go"")"`);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe("the HTML predictor", () => {
  it("refuses a model edited inside the page, and sends nothing anywhere", async () => {
    const { html } = await writeModel("gbdt-edited", models.gbdt);
    const text = readFileSync(html, "utf8");
    const edited = at("edited.html");
    // Change the test score in the embedded model: the script's hash still matches, the file's does not.
    const score = String(models.gbdt.card.scores.test);
    expect(text).toContain(`&quot;test&quot;:${score}`);
    writeFileSync(edited, text.replace(`&quot;test&quot;:${score}`, "&quot;test&quot;:0.999"));
    const page = await open(edited);
    expect(await page.getAttribute("body", "data-ready")).toBe("refused");
    expect(await page.textContent("#error")).toBe(
      "The model in this file was refused: the file was changed after export (checksum mismatch)",
    );
    await page.close();
    expect(requests).toEqual([]);
    expect(cspReports).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("is a file of a stated size", async () => {
    const sizes = Object.fromEntries(
      Object.entries(models).map(([name, file]) => [name, buildHtmlPredictor(file, "").length]),
    );
    const script = (await predictorBundle()).length;
    console.log(`HTML predictor sizes (bytes): script ${script}; models ${JSON.stringify(sizes)}`);
    expect(script).toBeGreaterThan(100_000);
  });
});
