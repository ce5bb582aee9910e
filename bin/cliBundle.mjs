/**
 * The command line's code as plain JavaScript: its TypeScript bundled by esbuild (tsx's own
 * dependency, so `npm install` stays the only set-up step) into a folder that is reused until a
 * source file changes.
 *
 * Why not tsx alone: in Node 20 tsx's loader runs in a hooks thread of its own, one per thread
 * that registers it, and keeps every module's transform; the command's process and each fold
 * thread paid for it (a 100,000 x 20 gbdt run with 2 threads: 454 MB peak through tsx, 308 MB
 * from the bundle; a fold thread ~58 MB before its first job through tsx, ~12 MB bundled). The
 * code is the same: esbuild with tsx's options (target the running Node, names kept), the
 * packages (tfjs) loaded from node_modules as before, the lazy imports kept lazy (split chunks).
 *
 * Where it builds: node_modules/.automl-cli-<key>/, two folders below the project like src/cli,
 * so that `new URL(..., import.meta.url)` finds the same files from a chunk (package.json, and
 * foldPool's "./foldThread.mjs", which there is the bundled fold thread, loaded without tsx).
 * A build folder is never changed once made (a running command may still load chunks from it);
 * node_modules/.automl-cli.json names the latest one with its inputs' sizes and times.
 * AUTOML_CLI_BUNDLE=off, or any failure to build, runs the sources through tsx as before
 * (AUTOML_CLI_BUNDLE=only: the bundle or an error).
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CACHE = fileURLToPath(new URL("../node_modules/", import.meta.url));
const MANIFEST = `${CACHE}.automl-cli.json`;
const PREFIX = ".automl-cli-";
/** Build folders not used for this long are removed when a new one is made. */
const STALE_MS = 24 * 3600 * 1000;
const ENTRIES = { main: "src/cli/main.ts", foldThread: "src/cli/foldThread.ts" };

/** The command line's `main` module: from the bundle, or through tsx when that cannot be had. */
export async function loadCli() {
  const mode = process.env.AUTOML_CLI_BUNDLE;
  if (mode !== "off") {
    // "only" (tests): the bundle or the build's error, never tsx in its place.
    const dir = await bundleFolder().catch((err) => {
      if (mode === "only") throw err;
      return null;
    });
    if (dir) return import(pathToFileURL(`${dir}/main.mjs`).href);
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/main.ts");
}

/** The folder of an up-to-date bundle, built now if the latest one's inputs changed. */
async function bundleFolder() {
  const latest = await readLatest();
  if (latest) {
    // Touched on use: a folder in use is never the stale one removed by a later build.
    const now = new Date();
    await utimes(latest, now, now).catch(() => undefined);
    return latest;
  }
  return build();
}

/** The latest build folder when every input still has the size and time it was built from. */
async function readLatest() {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(MANIFEST, "utf8"));
  } catch {
    return null;
  }
  if (manifest.key !== optionsKey() || !Array.isArray(manifest.inputs)) return null;
  const stamps = await stampsOf(manifest.inputs.map((i) => i[0]));
  if (stamps === null || JSON.stringify(stamps) !== JSON.stringify(manifest.inputs)) return null;
  const dir = `${CACHE}${manifest.dir}`;
  return (await exists(`${dir}/main.mjs`)) ? dir : null;
}

/** What decides the output besides the inputs: Node's version (the target). */
const optionsKey = () => `node ${process.versions.node}`;

/** esbuild's main file: the project's own if any, else the one tsx depends on. */
function esbuildPath() {
  const here = createRequire(import.meta.url);
  try {
    return here.resolve("esbuild");
  } catch {
    return createRequire(here.resolve("tsx/package.json")).resolve("esbuild");
  }
}

/** Builds a new bundle folder, records it as the latest (unless a source changed meanwhile), returns it. */
async function build() {
  const path = esbuildPath();
  const esbuild = createRequire(import.meta.url)(path);
  const started = Date.now();
  const tmp = `${CACHE}${PREFIX}tmp-${process.pid}-${started}`;
  await mkdir(CACHE, { recursive: true });
  const result = await esbuild
    .build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      // tsx's transform options, so that the code is the same as through tsx.
      target: `node${process.versions.node}`,
      keepNames: true,
      minifyWhitespace: true,
      // Packages load from node_modules at run time, as through tsx (tfjs only when a model needs it).
      packages: "external",
      outExtension: { ".js": ".mjs" },
      metafile: true,
      logLevel: "silent",
    })
    .catch(async (err) => {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    })
    .finally(() => esbuild.stop());
  // The build options live in this file and the output depends on esbuild: both count as inputs.
  const own = [fileURLToPath(import.meta.url), path, join(dirname(path), "../package.json")];
  const files = [...Object.keys(result.metafile.inputs), ...own.map((f) => relative(ROOT, f))].sort();
  const inputs = await stampsOf(files);
  if (inputs === null) throw new Error("an input vanished during the build");
  const key = createHash("sha256").update(optionsKey()).update(JSON.stringify(inputs)).digest("hex");
  const name = `${PREFIX}${key.slice(0, 16)}`;
  const dir = `${CACHE}${name}`;
  try {
    await rename(tmp, dir);
  } catch {
    // Another command built the same sources at the same time: use its folder.
    await rm(tmp, { recursive: true, force: true });
    if (!(await exists(`${dir}/main.mjs`))) throw new Error("no bundle");
  }
  // A file written during the build may or may not be in it: then the next command builds again.
  if (inputs.every((i) => i[2] < started - 1000)) {
    const part = `${MANIFEST}.${process.pid}`;
    await writeFile(part, JSON.stringify({ key: optionsKey(), dir: name, inputs }));
    await rename(part, MANIFEST);
  }
  await removeStale(name);
  return dir;
}

/** [path, size, mtime] of each file (relative to the project), or null when one is missing. */
async function stampsOf(files) {
  try {
    return await Promise.all(
      files.map(async (f) => {
        const s = await stat(`${ROOT}${f}`);
        return [f, s.size, s.mtimeMs];
      }),
    );
  } catch {
    return null;
  }
}

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Removes other build folders (and abandoned half-builds) not used for a day. */
async function removeStale(keep) {
  const names = await readdir(CACHE).catch(() => []);
  for (const n of names) {
    if (!n.startsWith(PREFIX) || n === keep || n.endsWith(".json")) continue;
    const s = await stat(`${CACHE}${n}`).catch(() => null);
    if (s?.isDirectory() && Date.now() - s.mtimeMs > STALE_MS)
      await rm(`${CACHE}${n}`, { recursive: true, force: true }).catch(() => undefined);
  }
}
