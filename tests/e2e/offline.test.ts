import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { columnKind, openSample, useApp } from "./harness.ts";

let url: string;
let context: BrowserContext;
let page: Page;
let stopServer: () => Promise<void>;

useApp(4182, (app) => {
  ({ url, context, page, stopServer } = app);
});

describe("storage and offline", () => {
  it("loads a bundled sample in one click", async () => {
    await openSample(page, url, "iris", "150 rows");
    expect(await columnKind(page, "target")).toBeTruthy();
    expect(await page.getByTestId("storage-estimate").textContent()).toMatch(/\d/);
  });

  it("keeps the project and its data after a reload", async () => {
    await page.reload();
    await page.getByTestId("column-table").waitFor();
    expect(await page.getByTestId("dataset-summary").textContent()).toContain("150 rows");
    await page.goto(url);
    await expect
      .poll(() => page.getByTestId("project-item").allTextContents())
      .toEqual([expect.stringMatching(/iris/i)]);
  });

  it("opens the app and the stored data with the network off", async () => {
    // The service worker must be active and have precached the app before the server goes away.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    await stopServer();
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId("net-status").textContent()).toMatch(/offline/i);
    await page.getByTestId("project-link").first().click();
    await page.getByTestId("column-table").waitFor();
    expect(await page.getByTestId("dataset-summary").textContent()).toContain("150 rows");
    expect(await columnKind(page, "sepal length (cm)")).toBe("numeric");
  });

  it("runs tfjs on the WASM backend offline, from precached files", async () => {
    await page.goto(url);
    await page.getByTestId("probe-backends").click();
    const wasm = page.locator('[data-testid="backend-row"][data-backend="wasm"]');
    await wasm.waitFor({ timeout: 120_000 });
    expect(await wasm.textContent()).toMatch(/\d+(\.\d+)? ms/);
    expect(["webgpu", "webgl", "wasm", "cpu"]).toContain(
      await page.getByTestId("chosen-backend").textContent(),
    );
  });
});
