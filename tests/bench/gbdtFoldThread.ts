import { parentPort, workerData } from "node:worker_threads";
import { type FoldInput, runFold } from "./gbdtFold.ts";

// Takes folds from the shared counter until none is left, then reports its ROC AUCs by fold.
const data = workerData as FoldInput & { next: Int32Array; folds: number };
const port = parentPort!;
port.on("message", () => {
  const aucs: Record<number, number> = {};
  for (let f = Atomics.add(data.next, 0, 1); f < data.folds; f = Atomics.add(data.next, 0, 1))
    aucs[f] = runFold(data, f);
  port.postMessage(aucs);
});
port.postMessage("ready");
