import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useApp } from "./harness.ts";

let page: Page;

useApp(4184, async (app) => {
  ({ page } = app);
  await page.goto(app.url);
});

const names = () => page.getByTestId("project-link").allTextContents();

describe("projects", () => {
  it("creates, renames and deletes projects, and the list survives a reload", async () => {
    await page.getByTestId("no-projects").waitFor();
    for (const name of ["First", "Second"]) {
      await page.getByTestId("new-project-name").fill(name);
      await page.getByTestId("new-project").click();
    }
    await expect.poll(names).toEqual(["Second", "First"]);

    const first = page.getByTestId("project-item").filter({ hasText: "First" });
    await first.getByTestId("rename-project").click();
    // The item's text changes while editing, so find the one open input by its own id.
    await page.getByTestId("rename-project-input").fill("Renamed");
    await page.getByTestId("rename-project-input").press("Enter");
    await expect.poll(names).toContain("Renamed");

    await page.reload();
    await expect.poll(names).toEqual(expect.arrayContaining(["Renamed", "Second"]));

    const second = page.getByTestId("project-item").filter({ hasText: "Second" });
    await second.getByTestId("delete-project").click();
    await second.getByTestId("confirm-delete").click();
    await expect.poll(names).toEqual(["Renamed"]);
    await page.reload();
    await expect.poll(names).toEqual(["Renamed"]);
  });

  it("opens the last phase, Monitor, with an honest empty state before any model is registered", async () => {
    await page.getByTestId("project-link").first().click();
    await page.getByTestId("phase-monitor").click();
    expect(await page.getByTestId("monitor-no-versions").textContent()).toMatch(/No model versions yet/);
    expect(await page.getByTestId("phase-monitor").getAttribute("aria-current")).toBe("page");
  });
});
