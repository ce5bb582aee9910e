import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { afterEachFold, fullCollection } from "../../../src/cli/train.ts";
import type { Progress } from "../../../src/core/progress.ts";

describe("train's garbage collection on cue", () => {
  it("exposes gc to threads started afterwards, and collects in a later task", async () => {
    const collect = fullCollection();
    const worker = new Worker("require('node:worker_threads').parentPort.postMessage(typeof globalThis.gc)", {
      eval: true,
    });
    const seen = await new Promise<string>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(seen).toBe("function");
    // Runs without throwing, twice in a row (the second waits for its turn).
    collect();
    collect();
    collect.now();
    await new Promise((r) => setTimeout(r, 20));
  });

  it("collects after fold, model and refit events only, and passes every event on", () => {
    const heard: string[] = [];
    let collections = 0;
    const onProgress = afterEachFold(
      (p) => heard.push(p.phase),
      () => collections++,
    )!;
    const events: Progress[] = [
      { phase: "recipe", done: 0, total: 1 },
      { phase: "fold", done: 0, total: 3 },
      { phase: "fit", done: 1, total: 10 },
      { phase: "fold", done: 1, total: 3 },
      { phase: "epoch", done: 1, total: 10 },
      { phase: "model", done: 1, total: 1 },
      { phase: "refit", done: 0, total: 1 },
    ];
    for (const p of events) onProgress(p);
    expect(heard).toEqual(["recipe", "fold", "fit", "fold", "epoch", "model", "refit"]);
    expect(collections).toBe(4);
    expect(afterEachFold(undefined, null)).toBeUndefined();
  });
});
