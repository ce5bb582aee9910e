import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { Gbdt } from "../../../../../src/core/models/gbdt/gbdt.ts";
import {
  BOARD_WORDS,
  type HistHelpOffer,
  setHistogramHelp,
  W_CLAIM,
  W_JOINED,
} from "../../../../../src/core/models/trees/histHelp.ts";
import { seededRows } from "./seededRows.ts";

/** A seeded binary problem with missing values, big enough for shared builds (>= 4,096 rows a node). */
function problem(rows: number, cols: number) {
  const { X, values } = seededRows(
    rows,
    cols,
    11,
    (c, v) => (c % 3 === 0 ? 1 : -0.5) * v * (c < 4 ? 1 : 0.2),
    (z, u) => (z + u - 0.5 > 0 ? 1 : 0),
  );
  return { X, y: { values, classes: ["0", "1"] } };
}

const params = { max_iter: 8, max_leaf_nodes: 15, early_stopping: false } as const;

afterEach(() => setHistogramHelp(null));

describe("histogram help", () => {
  it("gives the same model when another thread builds part of the histograms and of the loss step", async () => {
    const { X, y } = problem(30_000, 9);
    const alone = JSON.stringify(new Gbdt(params).fit(X, y, { seed: 3 }).toJSON());

    const worker = new Worker(new URL("./histHelpThread.mjs", import.meta.url));
    try {
      await new Promise((resolve) => worker.once("message", resolve));
      const built = new Promise<number>((resolve) => worker.once("message", resolve));
      setHistogramHelp({
        helpers: 1,
        offer(offer: HistHelpOffer) {
          worker.postMessage(offer);
          // Waits (blocking, at most 60 s) until the helper has joined, so that it gets work.
          const board = new Int32Array(offer.memory.buffer, offer.board, BOARD_WORDS);
          for (let t = 0; t < 600 && Atomics.load(board, W_JOINED) === 0; t++)
            Atomics.wait(board, W_JOINED, 0, 100);
          return () => {};
        },
      });
      const helped = JSON.stringify(new Gbdt(params).fit(X, y, { seed: 3 }).toJSON());
      expect(helped).toBe(alone);
      expect(await built).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
    }
  });

  it("lets a helper leave a running fit when its leave word is set, with the same model", async () => {
    const { X, y } = problem(30_000, 9);
    const alone = JSON.stringify(new Gbdt(params).fit(X, y, { seed: 3 }).toJSON());
    const worker = new Worker(new URL("./histHelpThread.mjs", import.meta.url));
    try {
      await new Promise((resolve) => worker.once("message", resolve));
      const left = new Promise<number>((resolve) => worker.once("message", resolve));
      const leave = new Int32Array(new SharedArrayBuffer(4));
      let board: Int32Array | null = null;
      setHistogramHelp({
        helpers: 1,
        offer(offer: HistHelpOffer) {
          worker.postMessage({ offer, leave });
          board = new Int32Array(offer.memory.buffer, offer.board, BOARD_WORDS);
          for (let t = 0; t < 600 && Atomics.load(board, W_JOINED) === 0; t++)
            Atomics.wait(board, W_JOINED, 0, 100);
          // Its own work came: the helper leaves while the fit goes on (as the CLI's pool asks).
          Atomics.store(leave, 0, 1);
          Atomics.notify(board, W_CLAIM);
          return () => {};
        },
      });
      const fit = new Gbdt(params).fit(X, y, { seed: 3 });
      expect(JSON.stringify(fit.toJSON())).toBe(alone);
      expect(await left).toBeGreaterThanOrEqual(0);
      expect(Atomics.load(board!, W_JOINED)).toBe(0);
    } finally {
      await worker.terminate();
    }
  });
});
