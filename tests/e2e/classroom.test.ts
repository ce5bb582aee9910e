import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openSample, useApp } from "./harness.ts";

let url: string;
let context: BrowserContext;
let page: Page;

useApp(4216, (app) => {
  ({ url, context, page } = app);
});

const WAIT = { timeout: 60_000 };
const SHOTS = process.env.SHARE_SHOTS ?? "/tmp/share-shots";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page (through the DevTools protocol, CSP on). */
async function violations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.evaluate(AXE);
  return p.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the script above defines
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
  });
}

const NOTE_FRAME = "Why is the target a class and not a number?";
const NOTE_TRAIN = "Train all models: which one wins, and by how much?";
let student: Page;

describe("teacher mode", () => {
  it("a teacher locks the framing and the run, hides Features and writes notes", async () => {
    // The first screen with its drop target passes axe too.
    await page.goto(url);
    await page.getByTestId("start-drop").waitFor(WAIT);
    expect(await violations(page)).toEqual([]);
    await openSample(page, url, "iris", "150 rows");
    await page.getByTestId("phase-frame").click();
    await expect.poll(() => page.getByTestId("target-select").inputValue(), WAIT).toBe("target");
    await page.getByTestId("share-open").click();
    await page.getByTestId("share-phase").selectOption("frame");
    await page.getByTestId("teacher-mode").check();
    await page.getByTestId("teacher-lock-framing").check();
    await page.getByTestId("teacher-lock-run").check();
    await page.getByTestId("teacher-hide-features").check();
    await page.getByTestId("teacher-hide-advanced").check();
    await page.getByTestId("teacher-note-frame").fill(NOTE_FRAME);
    await page.getByTestId("teacher-note-train").fill(NOTE_TRAIN);
    await page.getByTestId("share-create").click();
    await page.getByTestId("share-link").waitFor(WAIT);
    expect(await violations(page)).toEqual([]);
    await shot(page, "share-dialog-teacher");
    const link = await page.getByTestId("share-link").inputValue();
    await page.getByTestId("share-close").click();

    const fresh = await context
      .browser()!
      .newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
    student = await fresh.newPage();
    await student.goto(link);
    await expect.poll(() => student.evaluate(() => location.hash), WAIT).toMatch(/^#\/p\/[^/]+\/frame$/);
  });

  it("a student sees the note, the locked framing disabled and no Features phase", async () => {
    await expect.poll(() => student.getByTestId("teacher-note").textContent(), WAIT).toContain(NOTE_FRAME);
    await expect.poll(() => student.getByTestId("target-select").inputValue(), WAIT).toBe("target");
    expect(await student.getByTestId("target-select").isDisabled()).toBe(true);
    expect(await student.getByTestId("locked-label").first().textContent()).toMatch(
      /framing is locked by the teacher/,
    );
    expect(await student.getByTestId("phase-features").count()).toBe(0);
    expect(await student.getByTestId("phase-prepare").count()).toBe(1);
    expect(await student.getByTestId("shared-check").textContent()).toMatch(/checked/);
    await shot(student, "student-frame");
    expect(await violations(student)).toEqual([]);

    await student.getByTestId("phase-train").click();
    await student.getByTestId("model-option").first().waitFor(WAIT);
    expect(await student.getByTestId("teacher-note").textContent()).toContain(NOTE_TRAIN);
    for (const box of await student.locator('[data-testid="model-option"] input').all())
      expect(await box.isDisabled()).toBe(true);
    expect(await student.getByTestId("start-run").isEnabled()).toBe(true);
    expect(await student.getByTestId("locked-label").textContent()).toMatch(
      /run settings are locked by the teacher/,
    );
    await shot(student, "student-train-locked");
    expect(await violations(student)).toEqual([]);
    // "Hide advanced controls": no tuning budget, ensemble or epochs in Train, no reading options in Data.
    expect(await student.getByTestId("tune-settings").count()).toBe(0);
    expect(await student.getByTestId("ensemble-option").count()).toBe(0);
    expect(await student.getByTestId("mlp-epochs").count()).toBe(0);
    await student.getByTestId("phase-data").click();
    await student.getByTestId("column-table").waitFor(WAIT);
    expect(await student.getByTestId("delimiter-select").count()).toBe(0);
    // Prepare is not locked here: its split stays editable, with the phase's own question on top.
    await student.getByTestId("phase-prepare").click();
    await student.getByTestId("phase-question").waitFor(WAIT);
    expect(await student.getByTestId("lock-split").getAttribute("data-locked")).toBe("false");
    // Its recipe shows its steps but no way to add one (an advanced control).
    await student.getByTestId("recipe-step").first().waitFor(WAIT);
    expect(await student.getByTestId("add-step").count()).toBe(0);
    expect(await violations(student)).toEqual([]);
    // Every other phase a student can open passes axe with the teacher's settings in place.
    for (const id of ["data", "explore", "deploy", "monitor"]) {
      await student.getByTestId(`phase-${id}`).click();
      await expect
        .poll(() => student.getByTestId(`phase-${id}`).getAttribute("aria-current"), WAIT)
        .toBe("page");
      await student.getByTestId("phase-intro").waitFor(WAIT);
      await student.waitForLoadState("networkidle");
      expect(await violations(student), id).toEqual([]);
    }
    await student.getByTestId("phase-prepare").click();
    await expect.poll(() => student.evaluate(() => location.hash), WAIT).toMatch(/\/prepare$/);
    // A hidden phase's address shows that it is hidden, not the phase.
    await student.evaluate(() => {
      location.hash = location.hash.replace(/\/prepare$/, "/features");
    });
    await student.getByTestId("phase-hidden").waitFor(WAIT);
    expect(await student.getByTestId("phase-intro").count()).toBe(0);
    expect(await violations(student)).toEqual([]);
  });

  it("'Make my own copy' gives the student an unlocked project with every phase", async () => {
    await student.getByTestId("phase-frame").click();
    await student.getByTestId("make-copy").click();
    await expect.poll(() => student.getByTestId("project-name").textContent(), WAIT).toMatch(/\(my copy\)$/);
    await expect.poll(() => student.getByTestId("target-select").inputValue(), WAIT).toBe("target");
    expect(await student.getByTestId("target-select").isDisabled()).toBe(false);
    expect(await student.getByTestId("phase-features").count()).toBe(1);
    expect(await student.getByTestId("teacher-note").count()).toBe(0);
    expect(await student.getByTestId("phase-question").textContent()).toMatch(/predict/);
    await student.getByTestId("phase-data").click();
    await student.getByTestId("column-table").waitFor(WAIT);
    expect(await student.getByTestId("delimiter-select").count()).toBe(1);
    await student.getByTestId("phase-train").click();
    await student.getByTestId("tune-settings").waitFor(WAIT);
    expect(await student.getByTestId("ensemble-option").count()).toBe(1);
    await student.getByTestId("phase-prepare").click();
    await student.getByTestId("add-step").first().waitFor(WAIT);
    await student.context().close();
  });
});
