#!/usr/bin/env node
// Runs the command line's TypeScript as a bundle made on first use (cliBundle.mjs), else through
// tsx, so `npm install` is the only set-up step.
import { loadCli } from "./cliBundle.mjs";

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
