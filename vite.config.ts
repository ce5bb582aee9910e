import { relative } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";
import { appVersionDefine } from "./build/appVersion.ts";
import { engineModulesIn } from "./build/engineModules.ts";

/**
 * Fails the build when a main-thread chunk carries engine code (build/engineModules.ts): the UI
 * imports catalogues only, and fitting, scoring and parsing run in the workers. Worker bundles
 * are built apart (`worker.plugins`), so this sees the main thread's chunks only.
 */
function engineFreeMain(): Plugin {
  return {
    name: "engine-free-main",
    apply: "build",
    generateBundle(_options, bundle) {
      const root = process.cwd();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const files = chunk.moduleIds.map((id) => relative(root, id.split("?")[0]).replaceAll("\\", "/"));
        const engine = engineModulesIn(files);
        if (engine.length > 0)
          this.error(`main-thread chunk ${chunk.fileName} carries engine modules: ${engine.join(", ")}`);
      }
    },
  };
}

// No COOP/COEP headers: the threaded tfjs WASM build hung under cross-origin isolation (DESIGN.md).
export default defineConfig({
  plugins: [
    solid(),
    engineFreeMain(),
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      includeAssets: ["icons/*.svg", "icons/*.png", "samples/*.csv"],
      manifest: {
        name: "AutoML Playground",
        short_name: "AutoML",
        description: "Drop a CSV and take it from raw data to a trained model, entirely on your device.",
        theme_color: "#1f4e79",
        background_color: "#f7f8fa",
        display: "standalone",
        start_url: ".",
        scope: ".",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,ico,wasm,csv,webmanifest}"],
        // The tfjs worker chunk is over 2 MiB and the wasm binaries are near it.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: "index.html",
      },
    }),
  ],
  // package.json's version as __APP_VERSION__ (model cards; workers/versionFromRun.ts).
  define: appVersionDefine(),
  worker: { format: "es" },
  optimizeDeps: {
    include: ["@tensorflow/tfjs", "comlink", "idb", "solid-js", "@observablehq/plot"],
  },
  // AUTOML_DIST lets parallel checkouts or test runs build and serve their own copy (default dist/).
  build: {
    target: "es2022",
    // The pages and phases are chunks loaded on demand (src/ui/app/lazyView.tsx). One stylesheet
    // for all, loaded by index.html as before the split (same rules, same order), and no preload
    // helper: it added a <link rel=modulepreload> per dependency of each chunk on the main thread
    // (~10 ms in the first task), while every chunk comes from this origin or the offline cache.
    cssCodeSplit: false,
    modulePreload: false,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    outDir: process.env.AUTOML_DIST ?? "dist",
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  server: { host: "127.0.0.1" },
});
