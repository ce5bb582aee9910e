import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useApp } from "./harness.ts";

// axe-core on every phase of a trained project: no serious or critical violation anywhere, a skip
// link to the main content, and focus on the new page's heading after each navigation.

let url: string;
let page: Page;

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WAIT = { timeout: 60_000 };

interface Found {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays on). */
async function violations(): Promise<Found[]> {
  // A string is evaluated by the DevTools protocol as a script, outside the page's CSP.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the script above defines
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v: {
          id: string;
          impact: string;
          help: string;
          nodes: { target: string[]; failureSummary?: string }[];
        }) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
        }),
      );
  });
}

async function expectClean(where: string) {
  const found = await violations();
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

useApp(4191, (app) => {
  ({ url, page } = app);
});

async function openPhase(id: string) {
  await page.getByTestId(`phase-${id}`).click();
  await expect.poll(() => page.getByTestId(`phase-${id}`).getAttribute("aria-current")).toBe("page");
  // Navigation moves focus to the new page's heading.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName ?? ""), WAIT)
    .toMatch(/^H[12]$/);
}

describe("accessibility", () => {
  it("has a skip link, and no serious or critical axe violation on the project list", async () => {
    await page.goto(url);
    await page.getByTestId("sample-iris").waitFor();
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await expectClean("project list");
  });

  it("has none on any phase of a framed, trained sample", async () => {
    await page.getByTestId("sample-iris").click();
    await page.getByTestId("column-table").waitFor();
    await expectClean("data");
    await openPhase("frame");
    await page.getByTestId("target-select").selectOption("target");
    await expect.poll(() => page.getByTestId("task").textContent(), WAIT).toMatch(/classification/i);
    await expectClean("frame");
    await openPhase("explore");
    for (const tab of ["overview", "alerts", "columns", "relationships", "multivariate"]) {
      await page.getByTestId(`explore-tab-${tab}`).click();
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      await expectClean(`explore ${tab}`);
    }
    await openPhase("prepare");
    await page.getByTestId("recipe-steps").waitFor(WAIT);
    await expectClean("prepare");
    await openPhase("features");
    await expectClean("features");
    await openPhase("train");
    await page.getByTestId("model-option").first().waitFor(WAIT);
    for (const option of await page.getByTestId("model-option").all()) {
      const id = (await option.getAttribute("data-model")) ?? "";
      await option.locator("input").setChecked(["baseline", "logistic", "decision_tree"].includes(id));
    }
    await expectClean("train settings");
    await page.getByTestId("start-run").click();
    await expect.poll(() => page.getByTestId("run-state").getAttribute("data-status"), WAIT).toBe("done");
    await page.getByTestId("open-evaluation").first().click();
    await page.getByTestId("evaluation").waitFor(WAIT);
    await page.waitForTimeout(1000);
    await expectClean("train results and evaluation");
    await openPhase("deploy");
    await expectClean("deploy");
    await openPhase("monitor");
    await expectClean("monitor");
  });
});
