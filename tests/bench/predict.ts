/**
 * Section "predict": scoring the seeded 1,000,000 x 20 file with a gradient boosting model (trained
 * by the CLI on its first 20,000 rows to predict "active"), (a) by `predict` in Node and (b) in the
 * built app's predictor worker in headless Chromium (Deploy phase: import the model, drop the file,
 * wait for the result), with the longest stall of the page's main thread while it scored. (b) needs
 * `npx vite build` first and is skipped, with a note, when dist/ is missing.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, newProject, startServer } from "../e2e/harness.ts";
import { cli, trainBenchModel } from "./benchModel.ts";
import { BENCH_ROWS, benchCsv } from "./generateCsv.ts";
import type { BenchRow } from "./table.ts";

/** Scores `csv` in the built app; seconds and the longest main-thread stall, or null without dist/. */
async function inBrowser(
  modelPath: string,
  csv: string,
): Promise<{ seconds: number; stallMs: number; idleMs: number } | null> {
  if (!existsSync("dist/index.html")) return null;
  const { server, url } = await startServer(4199);
  const { browser, page } = await launch();
  try {
    await page.goto(url);
    await newProject(page, "Bench");
    await page.getByTestId("phase-deploy").click();
    await page.getByTestId("import-drop-input").setInputFiles(modelPath);
    await page.getByTestId("version-head").first().waitFor({ timeout: 60_000 });
    // A 10 ms timer on the page: the longest gap between its ticks is how long the page froze.
    await page.evaluate(() => {
      const w = window as unknown as { maxStall: number };
      w.maxStall = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxStall = Math.max(w.maxStall, now - last - 10);
        last = now;
      }, 10);
    });
    // The same timer over 5 idle seconds first: what this machine's load alone does to it.
    await page.waitForTimeout(5000);
    const idleMs = await page.evaluate(() => (window as unknown as { maxStall: number }).maxStall);
    const t0 = performance.now();
    await page.getByTestId("score-drop-input").setInputFiles(csv);
    // Counted from here: handing a file to an <input> is the browser's work, not the app's.
    await page.evaluate(() => {
      (window as unknown as { maxStall: number }).maxStall = 0;
    });
    await page.getByTestId("score-result").waitFor({ timeout: 600_000 });
    const seconds = (performance.now() - t0) / 1000;
    const stallMs = await page.evaluate(() => (window as unknown as { maxStall: number }).maxStall);
    return { seconds, stallMs, idleMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchPredict(rows = BENCH_ROWS): Promise<BenchRow[]> {
  const csv = await benchCsv(rows);
  const dir = mkdtempSync(join(tmpdir(), "bench-predict-"));
  try {
    const model = await trainBenchModel(csv, dir);
    const t0 = performance.now();
    await cli("predict", model, csv, "--out", join(dir, "pred.csv"));
    const node = (performance.now() - t0) / 1000;
    const rate = (s: number) => String(Math.round(rows / s));
    const out: BenchRow[] = [
      {
        measure: "Node predict (read + score + write)",
        value: rate(node),
        unit: "rows/s",
        note: `${node.toFixed(1)} s; writes prediction + proba columns`,
      },
    ];
    const browser = await inBrowser(model, csv);
    if (!browser) {
      out.push({
        measure: "browser predictor worker",
        value: "",
        unit: "",
        note: "skipped: run `npx vite build` first",
      });
      return out;
    }
    out.push(
      {
        measure: "browser worker (read + score + CSV)",
        value: rate(browser.seconds),
        unit: "rows/s",
        note: `${browser.seconds.toFixed(1)} s; headless Chromium, input columns + predictions; ${(node / browser.seconds).toFixed(2)}x Node's rate`,
      },
      {
        measure: "longest main-thread stall while scoring",
        note: "a 10 ms timer's longest late tick on the page after the file was handed over",
        value: String(Math.round(browser.stallMs)),
        unit: "ms",
      },
      {
        measure: "longest stall of the idle page, for scale",
        note: "the same timer over 5 s before the file was dropped",
        value: String(Math.round(browser.idleMs)),
        unit: "ms",
      },
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
