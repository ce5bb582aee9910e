// The helping thread of determinismHelpRace.ts: makes TypeScript importable, then helps each fit
// offered to it until the fit ends, and answers with the chunks it built.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { helpHistograms } = await import("../../src/core/models/trees/histHelp.ts");
parentPort.on("message", (offer) => parentPort.postMessage(helpHistograms(offer)));
parentPort.postMessage("ready");
