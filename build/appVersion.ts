/**
 * The app's version has one source, package.json's "version": the CLI reads the file when it runs
 * (src/cli/export.ts), and the bundles get it at build time as the global `__APP_VERSION__`
 * through Vite's `define` (vite.config.ts, vite.predictor.config.ts; vitest.config.ts for tests).
 */
import { readFileSync } from "node:fs";

/** package.json's "version". */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version?: unknown;
  };
  if (typeof pkg.version !== "string") throw new Error('package.json has no "version"');
  return pkg.version;
}

/** The `define` entry that puts the version in a bundle. */
export function appVersionDefine(): { __APP_VERSION__: string } {
  return { __APP_VERSION__: JSON.stringify(packageVersion()) };
}
