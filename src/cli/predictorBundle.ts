/**
 * The HTML predictor's script for the command line: generated/predictor/predictor.js, built by
 * `npm run build:predictor` (and by `npm start`, `npm test`). When it is missing or older than
 * any source it is made from, it is rebuilt here first (a few seconds), so `export --format html`
 * works on a fresh clone and never embeds stale code.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where the built script lives, relative to the repository root. */
export const PREDICTOR_BUNDLE = "generated/predictor/predictor.js";
const CONFIG = join(ROOT, "vite.predictor.config.ts");
/** What the script is built from: a change to any of these makes the built file stale. */
const SOURCES = ["src/core", "src/predictor", "vite.predictor.config.ts", "package-lock.json"];

/** Newest modification time (ms) of a file or of every file under a folder. */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const m = (await stat(join(entry.parentPath ?? entry.path, entry.name)).catch(() => null))?.mtimeMs ?? 0;
    if (m > latest) latest = m;
  }
  return latest;
}

/** Builds the script into a temporary folder and moves it in place (parallel builds never mix). */
async function build(): Promise<void> {
  const { build: viteBuild } = await import("vite");
  const target = join(ROOT, PREDICTOR_BUNDLE);
  const parent = join(ROOT, "generated");
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, ".predictor-"));
  try {
    await viteBuild({ configFile: CONFIG, logLevel: "silent", build: { outDir: tmp, emptyOutDir: true } });
    await mkdir(join(ROOT, "generated/predictor"), { recursive: true });
    await rename(join(tmp, "predictor.js"), target);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The predictor script's text, rebuilt first when missing or stale. */
export async function predictorBundle(): Promise<string> {
  const target = join(ROOT, PREDICTOR_BUNDLE);
  const built = (await stat(target).catch(() => null))?.mtimeMs ?? 0;
  let sources = 0;
  for (const s of SOURCES) sources = Math.max(sources, await newest(join(ROOT, s)));
  if (built === 0 || built < sources) await build();
  return readFile(target, "utf8");
}
