import type { Browser, BrowserContext, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnKind, launch, startServer } from "./harness.ts";

let server: PreviewServer | undefined;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const started = await startServer(4182);
  server = started.server;
  url = started.url;
  ({ browser, context, page } = await launch());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("storage and offline", () => {
  it("loads a bundled sample in one click", async () => {
    await page.goto(url);
    await page.getByTestId("sample-iris").click();
    await page.getByTestId("column-table").waitFor();
    await expect.poll(() => page.getByTestId("dataset-summary").textContent()).toContain("150 rows");
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

    await server?.close();
    server = undefined;
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
