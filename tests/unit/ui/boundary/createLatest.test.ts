import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { createLatest } from "../../../../src/ui/boundary/createLatest.ts";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A stand-in for the worker: each call waits until the test releases it; aborts are recorded. */
function fakeWorker() {
  const started: number[] = [];
  const aborted: number[] = [];
  const pending: { q: number; resolve: (v: string) => void }[] = [];
  const run = (q: number, signal: AbortSignal) =>
    new Promise<string>((resolve) => {
      started.push(q);
      signal.addEventListener("abort", () => aborted.push(q));
      pending.push({ q, resolve });
    });
  const release = () => {
    const next = pending.shift()!;
    next.resolve(`picture ${next.q}`);
  };
  return { run, release, started, aborted };
}

describe("createLatest", () => {
  it("runs one request at a time, drops the ones overtaken while waiting and ends on the last", async () => {
    const w = fakeWorker();
    const [state, request] = createRoot(() => createLatest(w.run));
    request(1);
    expect(state.busy).toBe(true);
    request(2);
    request(3);
    request(4);
    // The running request is asked to stop; 2 and 3 never start.
    expect(w.aborted).toEqual([1]);
    w.release();
    await settle();
    // A request that finishes anyway is newer than the screen, so it is shown.
    expect(state.result).toBe("picture 1");
    expect(w.started).toEqual([1, 4]);
    w.release();
    await settle();
    expect(state.result).toBe("picture 4");
    expect(state.shown).toBe(2);
    expect(state.busy).toBe(false);
  });

  it("keeps errors of the last request and says nothing of aborted ones", async () => {
    const calls: ((e: Error) => void)[] = [];
    const [state, request] = createRoot(() =>
      createLatest((_q: number, signal: AbortSignal) => {
        return new Promise<string>((_, reject) => {
          calls.push(reject);
          signal.addEventListener("abort", () =>
            reject(Object.assign(new Error("stopped"), { name: "AbortError" })),
          );
        });
      }),
    );
    request(1);
    request(2);
    await settle();
    expect(state.error).toBeNull();
    calls[1](Object.assign(new Error('no feature "x"'), { name: "ValidationError" }));
    await settle();
    expect(state.error).toBe('no feature "x"');
    expect(state.busy).toBe(false);
  });
});
