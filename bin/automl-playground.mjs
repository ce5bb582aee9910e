#!/usr/bin/env node
// Runs the command line's TypeScript as a bundle made on first use (cliBundle.mjs), else through
// tsx, so `npm install` is the only set-up step; on Linux in a child with one malloc arena and a
// 4 MiB mmap threshold (AUTOML_MALLOC=default: not; mallocRelaunch.mjs).
import { relaunchWithMalloc } from "./mallocRelaunch.mjs";

if (!relaunchWithMalloc()) {
  const { loadCli } = await import("./cliBundle.mjs");
  const { main } = await loadCli();
  process.exitCode = await main(process.argv.slice(2));
}
