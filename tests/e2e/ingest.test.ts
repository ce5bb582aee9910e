import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { columnCell, columnKind, dropFile, newProject, useApp } from "./harness.ts";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "..", "fixtures", "e2e", name), "utf8");

let page: Page;

useApp(4181, async (app) => {
  ({ page } = app);
  await page.goto(app.url);
});

describe("loading a file", () => {
  it("types a dropped file with quoted newlines and missing markers", async () => {
    await newProject(page, "Tricky file");
    await dropFile(page, '[data-testid="dropzone"]', "tricky.csv", fixture("tricky.csv"));
    await page.getByTestId("column-table").waitFor();

    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("6 rows");
    expect(await columnKind(page, "id")).toBe("id");
    expect(await columnKind(page, "city")).toBe("categorical");
    expect(await columnKind(page, "score")).toBe("numeric");
    expect(await columnKind(page, "when")).toBe("datetime");
    expect(await columnKind(page, "active")).toBe("boolean");
    expect(await columnCell(page, "score", "col-missing")).toMatch(/^3\b/);
    expect(await columnCell(page, "score", "col-unique")).toBe("3");
    expect(await columnCell(page, "comment", "col-missing")).toMatch(/^2\b/);
    expect(await columnCell(page, "city", "col-unique")).toBe("3");

    const preview = page.getByTestId("data-preview");
    await expect.poll(() => preview.textContent()).toContain('He said "hi"');
    expect(await preview.textContent()).toContain("Paris, Texas");
    expect(await preview.textContent()).toMatch(/Line one\s+line two/);
    expect(await page.getByTestId("problems").textContent()).toContain("No problems");
  });

  it("reports ragged rows with their row numbers and reads a semicolon file with decimal commas", async () => {
    await dropFile(page, '[data-testid="dropzone"]', "ragged.csv", fixture("ragged-semicolon.csv"));
    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("ragged.csv");
    expect(await page.getByTestId("dataset-summary").textContent()).toContain("3 rows");
    expect(await columnKind(page, "a")).toBe("numeric");
    const problems = await page.getByTestId("problem").allTextContents();
    expect(problems.some((p) => /row 3\b/i.test(p))).toBe(true);
    expect(problems.some((p) => /row 4\b/i.test(p))).toBe(true);
    expect(await page.getByTestId("data-preview").textContent()).toContain("2.25");
  });

  it("says why an empty file cannot be read and keeps the data already loaded", async () => {
    await dropFile(page, '[data-testid="dropzone"]', "empty.csv", "");
    await expect.poll(() => page.getByTestId("error-message").textContent()).toMatch(/empty/i);
    expect(await page.getByTestId("dataset-summary").textContent()).toContain("ragged.csv");
    expect(await page.getByTestId("error-message").textContent()).not.toMatch(/at \w+ \(|\.ts:\d+/);
  });

  it("loads pasted text and lets the user change a column's kind", async () => {
    await page.getByTestId("paste-toggle").click();
    await page.getByTestId("paste-input").fill("zip\tcount\n01234\t5\n98765\t7\n01234\t2\n");
    await page.getByTestId("paste-load").click();
    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("3 rows");
    expect(await columnKind(page, "zip")).not.toBe("numeric");
    const select = page.locator(
      '[data-testid="column-row"][data-column="count"] [data-testid="kind-select"]',
    );
    await select.selectOption("categorical");
    await expect.poll(() => columnKind(page, "count")).toBe("categorical");
    // The note appears once the worker has re-typed and stored the column: wait for it, not a clock.
    const inferred = page.locator('[data-testid="column-row"][data-column="count"] .inferred');
    await inferred.waitFor();
    expect(await inferred.textContent()).toMatch(/inferred: numeric/);
  });
});
