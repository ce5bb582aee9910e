import { parentPort, threadId, workerData } from "node:worker_threads";
import {
  type HistHelpOffer,
  helpHistograms,
  setHistogramHelp,
} from "../../src/core/models/trees/histHelp.ts";
import { type FoldInput, runFold } from "./gbdtFold.ts";

// Takes folds from the shared counter until none is left, then reports its ROC AUCs by fold and
// helps the fits still running (their histograms, see histHelp.ts) as the main thread hands it
// their offers; every fit this thread runs offers its own work the same way.
const data = workerData as FoldInput & { next: Int32Array; folds: number; helpers: number };
const port = parentPort!;
let offers = 0;
if (data.helpers > 0) {
  setHistogramHelp({
    helpers: data.helpers,
    offer(offer) {
      const id = `${threadId}.${offers++}`;
      port.postMessage({ type: "offer", id, offer });
      return () => port.postMessage({ type: "withdraw", id });
    },
  });
}
port.on("message", (m: "go" | { type: "help"; offer: HistHelpOffer }) => {
  if (m === "go") {
    const aucs: Record<number, number> = {};
    for (let f = Atomics.add(data.next, 0, 1); f < data.folds; f = Atomics.add(data.next, 0, 1))
      aucs[f] = runFold(data, f);
    port.postMessage({ type: "done", aucs });
  } else {
    helpHistograms(m.offer);
  }
  port.postMessage({ type: "idle" });
});
port.postMessage({ type: "ready" });
