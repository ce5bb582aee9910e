/**
 * The single-file HTML predictor's script (src/predictor/main.ts with the core it needs) as one
 * self-contained IIFE: generated/predictor/predictor.js. The CLI's `export --format html` and the
 * app's Deploy phase put it inline in the page (see src/core/deploy/htmlPredictor.ts).
 * "@tensorflow/tfjs" is tfjs-core with the CPU backend only (src/predictor/tfjsCpu.ts).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { appVersionDefine } from "./build/appVersion.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  publicDir: false,
  // The same __APP_VERSION__ as the app's bundles, should the predictor's code read it.
  define: appVersionDefine(),
  logLevel: "warn",
  resolve: { alias: { "@tensorflow/tfjs": here("src/predictor/tfjsCpu.ts") } },
  build: {
    outDir: process.env.PREDICTOR_OUT_DIR ?? here("generated/predictor"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: here("src/predictor/main.ts"),
      formats: ["iife"],
      name: "automlPredictor",
      fileName: () => "predictor.js",
    },
  },
});
