/**
 * Section "html-predictor": the single-file HTML predictor (export --format html) opened from
 * file:// in headless Chromium, every request blocked, scoring the seeded 1,000,000 x 20 file
 * through its file input with a gradient boosting model (trained by the CLI on the first 20,000
 * rows to predict "active"), against `predict` in Node on the same file in the same run. The page
 * reads and scores on its main thread in slices, handing the page back between them: the longest
 * stall of a 10 ms timer says how long it froze. Both write the same bytes
 * (tests/e2e/htmlPredictor.test.ts).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "../e2e/harness.ts";
import { cli, trainBenchModel } from "./benchModel.ts";
import { BENCH_ROWS, benchCsv } from "./generateCsv.ts";
import type { BenchRow } from "./table.ts";

/** Seconds from choosing the file to "Download predictions" being ready, and the longest stall. */
async function inPage(html: string, csv: string): Promise<{ seconds: number; stallMs: number }> {
  const { browser, context, page } = await launch();
  const blocked: string[] = [];
  await context.route("**", (route) => {
    const url = route.request().url();
    if (url === `file://${html}`) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  try {
    await page.goto(`file://${html}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    // The page's CSP allows no script but its own, so the timer is installed through the debugger
    // protocol (page.evaluate), not a script tag.
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
    const t0 = performance.now();
    await page.setInputFiles("#csv-file", csv);
    await page.waitForSelector("#download:not([disabled])", { timeout: 600_000 });
    const seconds = (performance.now() - t0) / 1000;
    const stallMs = await page.evaluate(() => (window as unknown as { maxStall: number }).maxStall);
    if (blocked.length > 0) throw new Error(`the page tried to reach ${blocked[0]}`);
    return { seconds, stallMs };
  } finally {
    await browser.close();
  }
}

export async function benchHtmlPredictor(rows = BENCH_ROWS): Promise<BenchRow[]> {
  const csv = await benchCsv(rows);
  const dir = mkdtempSync(join(tmpdir(), "bench-html-predictor-"));
  try {
    const html = join(dir, "predictor.html");
    const model = await trainBenchModel(csv, dir);
    await cli("export", model, "--format", "html", "--out", html);
    const t0 = performance.now();
    await cli("predict", model, csv, "--out", join(dir, "pred.csv"));
    const node = (performance.now() - t0) / 1000;
    const { seconds: page, stallMs } = await inPage(html, csv);
    const rate = (s: number) => String(Math.round(rows / s));
    return [
      {
        measure: "HTML predictor file",
        value: String(Math.round(statSync(html).size / 1000)),
        unit: "kB",
        note: "gbdt, 20 inputs",
      },
      {
        measure: "Node predict (read + score + write)",
        value: rate(node),
        unit: "rows/s",
        note: `${node.toFixed(1)} s`,
      },
      {
        measure: "HTML predictor, file:// (read + score + CSV)",
        value: rate(page),
        unit: "rows/s",
        note: `${page.toFixed(1)} s on the page's main thread; ${(node / page).toFixed(2)}x Node's rate`,
      },
      {
        measure: "longest page stall while reading and scoring",
        value: String(Math.round(stallMs)),
        unit: "ms",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
