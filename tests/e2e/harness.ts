import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, expect } from "vitest";

/** The system Chromium (Debian's package); a tool's own browser download does not work here. */
export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const CHROME_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--enable-unsafe-webgpu",
  "--enable-unsafe-swiftshader",
];

/** Serves the built app (dist/) the way `npm start` does, on its own port. */
export async function startServer(port: number): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    logLevel: "silent",
    preview: { host: "127.0.0.1", port, strictPort: true },
  });
  return { server, url: `http://127.0.0.1:${port}/` };
}

export async function launch(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "UTC" });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error("[page error]", err.message));
  return { browser, context, page };
}

/** A test file's app: the built app served on its own port and one browser page on it. */
export interface App {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Takes the server away (the offline test); the page keeps what it has. */
  stopServer(): Promise<void>;
}

/**
 * Serves the built app on `port` and opens a browser on it before the file's tests (`ready` then
 * hears of it, to keep its page and url), and closes both after them.
 */
export function useApp(port: number, ready: (app: App) => void | Promise<void>): void {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const started = await startServer(port);
    server = started.server;
    const launched = await launch();
    browser = launched.browser;
    const stopServer = async () => {
      await server?.close();
      server = undefined;
    };
    await ready({ url: started.url, context: launched.context, page: launched.page, stopServer });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** How long the app may take to show a loaded sample (the first worker loads large bundles). */
const SAMPLE_WAIT = { timeout: 60_000 };

/** Opens the app's home page and loads a bundled sample from the gallery, `rowsText` in its summary. */
export async function openSample(page: Page, url: string, sample: string, rowsText: string) {
  await page.goto(url);
  await page.getByTestId(`sample-${sample}`).click();
  await page.getByTestId("column-table").waitFor(SAMPLE_WAIT);
  await expect.poll(() => page.getByTestId("dataset-summary").textContent(), SAMPLE_WAIT).toContain(rowsText);
}

/** Drops files on an element the way a person's drag and drop does: a real DataTransfer. */
export async function dropFile(
  page: Page,
  selector: string,
  name: string,
  content: string,
  type = "text/csv",
) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  await page.dispatchEvent(selector, "dragenter", { dataTransfer });
  await page.dispatchEvent(selector, "dragover", { dataTransfer });
  await page.dispatchEvent(selector, "drop", { dataTransfer });
}

/** Creates a project from the home page and opens it. */
export async function newProject(page: Page, name: string) {
  await page.getByTestId("new-project-name").fill(name);
  await page.getByTestId("new-project").click();
  await page.getByTestId("project-item").filter({ hasText: name }).getByTestId("project-link").click();
  await page.getByTestId("dropzone").waitFor();
}

/** Text of a column-table cell for a column, by test id. */
export async function columnCell(page: Page, column: string, testId: string): Promise<string> {
  const row = page.locator(`[data-testid="column-row"][data-column="${column}"]`);
  return (await row.getByTestId(testId).first().textContent())?.trim() ?? "";
}

export async function columnKind(page: Page, column: string): Promise<string> {
  return page
    .locator(`[data-testid="column-row"][data-column="${column}"] [data-testid="kind-select"]`)
    .inputValue();
}
