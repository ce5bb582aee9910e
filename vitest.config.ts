import { defineConfig } from "vitest/config";
import { appVersionDefine } from "./build/appVersion.ts";

export default defineConfig({
  test: {
    projects: [
      {
        // package.json's version as __APP_VERSION__, as vite.config.ts builds it.
        define: appVersionDefine(),
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          env: { TZ: "UTC" },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          env: { TZ: "UTC" },
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
