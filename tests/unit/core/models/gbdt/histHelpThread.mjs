// The helping thread of histHelp.test.ts: makes TypeScript importable, then helps each fit
// offered to it (or `{ offer, leave }`: until the leave word is set) and reports how many chunks
// it built.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { helpHistograms } = await import("../../../../../src/core/models/trees/histHelp.ts");
parentPort.on("message", (m) =>
  parentPort.postMessage(m.leave ? helpHistograms(m.offer, m.leave) : helpHistograms(m)),
);
parentPort.postMessage("ready");
