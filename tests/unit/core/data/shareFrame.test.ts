import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { isNarrow, type NarrowCodes } from "../../../../src/core/data/narrowCodes.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { isScaled, type ScaledFloats } from "../../../../src/core/data/scaledFloats.ts";
import { isShared, receiveFrame, shareFrame } from "../../../../src/core/data/shareFrame.ts";

function frame(): Frame {
  return {
    rows: 3,
    columns: [
      {
        name: "x",
        kind: "numeric",
        role: "feature",
        data: { type: "float", values: Float64Array.of(1.5, Number.NaN, -2) },
        missing: 1,
        unique: 2,
      },
      {
        name: "c",
        kind: "categorical",
        role: "feature",
        data: { type: "dict", codes: Int32Array.of(0, -1, 1), levels: ["a", "b"] },
        missing: 1,
        unique: 2,
      },
    ],
  };
}

describe("shareFrame", () => {
  it("moves every column into shared memory in place, values unchanged", () => {
    const f = frame();
    const out = shareFrame(f, { scaled: false });
    expect(out).toBe(f);
    const [x, c] = f.columns;
    if (x.data.type !== "float" || c.data.type !== "dict") throw new Error("layout changed");
    expect(isShared(x.data.values)).toBe(true);
    expect(isShared(c.data.codes)).toBe(true);
    expect(Array.from(x.data.values)).toEqual([1.5, Number.NaN, -2]);
    expect(Array.from(c.data.codes)).toEqual([0, -1, 1]);
    expect(c.data.levels).toEqual(["a", "b"]);
    // A second call keeps the same buffers.
    const before = x.data.values;
    shareFrame(f, { scaled: false });
    expect(f.columns[0].data.type === "float" && f.columns[0].data.values).toBe(before);
  });

  it("is one copy across threads: a worker's write is seen by the poster", async () => {
    const f = shareFrame(frame(), { scaled: false });
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.once("message", (frame) => {
         frame.columns[0].data.values[2] = 42;
         frame.columns[1].data.codes[1] = 7;
         parentPort.postMessage("done");
       });`,
      { eval: true },
    );
    const done = new Promise((resolve) => worker.once("message", resolve));
    worker.postMessage(f);
    await done;
    await worker.terminate();
    const [x, c] = f.columns;
    expect(x.data.type === "float" && x.data.values[2]).toBe(42);
    expect(c.data.type === "dict" && c.data.codes[1]).toBe(7);
  });

  it("readCsv with `shared` stores the columns in shared memory as it reads: the same table, nothing left to copy", async () => {
    // 120k rows: past the first block of 64 Ki values, so the columns grow by the size estimate.
    // b: yes/no read as text, then turned into a boolean's 0/1 floats (shared too).
    const lines = ["x,c,t,b"];
    for (let i = 0; i < 120_000; i++)
      lines.push(
        `${i % 97 === 0 ? "" : (i * 0.37).toFixed(2)},${"abc"[i % 3]},w${i % 11},${i % 89 === 0 ? "" : i % 3 ? "yes" : "no"}`,
      );
    const text = lines.join("\n");
    const totalBytes = new TextEncoder().encode(text).length;
    const plain = (await readCsvText(text, { totalBytes })).frame;
    const shared = (await readCsvText(text, { totalBytes, shared: true })).frame;
    expect(shared.rows).toBe(120_000);
    const storage = (f: Frame) =>
      f.columns.map((c) => (c.data.type === "float" ? c.data.values : c.data.codes));
    expect(shared.columns[3].kind).toBe("boolean");
    expect(storage(shared).map(isShared)).toEqual([true, true, true, true]);
    expect(storage(plain).map(isShared)).toEqual([false, false, false, false]);
    expect(shared.columns.map((c) => [c.name, c.kind, c.missing, c.unique])).toEqual(
      plain.columns.map((c) => [c.name, c.kind, c.missing, c.unique]),
    );
    storage(shared).forEach((a, j) => {
      expect(Array.from(a)).toEqual(Array.from(storage(plain)[j]));
    });
    const before = storage(shared);
    shareFrame(shared, { scaled: false });
    expect(storage(shared)).toEqual(before);
    storage(shared).forEach((a, j) => {
      expect(a).toBe(before[j]);
    });
  });

  it("stores exact-decimal floats scaled and codes narrow, in shared memory; a thread gets them back with receiveFrame", async () => {
    const f = frame();
    f.columns.push({
      name: "pi",
      kind: "numeric",
      role: "feature",
      data: { type: "float", values: Float64Array.of(Math.PI, 1, -0) },
      missing: 0,
      unique: 3,
    });
    shareFrame(f);
    const [x, c, pi] = f.columns;
    expect([isScaled(x.data), isNarrow(c.data), isScaled(pi.data)]).toEqual([true, true, false]);
    expect(Array.from((c.data as NarrowCodes).codes)).toEqual([0, -1, 1]);
    expect(isShared((c.data as NarrowCodes).store)).toBe(true);
    const scaled = x.data as ScaledFloats;
    expect(isShared(scaled.store)).toBe(true);
    expect(Array.from(scaled.values)).toEqual([1.5, Number.NaN, -2]);
    expect(pi.data.type === "float" && isShared(pi.data.values)).toBe(true);
    // A second call changes nothing.
    shareFrame(f);
    expect(f.columns[0].data).toBe(scaled);
    // Posted to a thread and back: the same shared store under a plain object, revived.
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.once("message", (frame) => {
         const d = frame.columns[0].data;
         parentPort.postMessage({ frame, hasValues: "values" in d, width: d.width });
       });`,
      { eval: true },
    );
    const back = new Promise<{ frame: Frame; hasValues: boolean; width: number }>((resolve) =>
      worker.once("message", resolve),
    );
    worker.postMessage(f);
    const got = await back;
    await worker.terminate();
    expect([got.hasValues, got.width]).toEqual([false, scaled.width]);
    const received = receiveFrame(got.frame);
    const [rx, rc, rpi] = received.columns;
    expect(isScaled(rx.data)).toBe(true);
    expect((rx.data as ScaledFloats).store.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(rx.data.type === "float" ? rx.data.values : [])).toEqual([1.5, Number.NaN, -2]);
    expect(isNarrow(rc.data)).toBe(true);
    expect(Array.from(rc.data.type === "dict" ? rc.data.codes : [])).toEqual([0, -1, 1]);
    expect(rc.data.type === "dict" && rc.data.levels).toEqual(["a", "b"]);
    expect(Array.from(rpi.data.type === "float" ? rpi.data.values : [])).toEqual([Math.PI, 1, -0]);
  });
});
