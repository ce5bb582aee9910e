import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeLatestCall, retryForeignAbort } from "../../../../src/ui/recipe/latestCall.ts";

describe("makeLatestCall", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const abortError = () => Object.assign(new Error("stopped"), { name: "AbortError" });

  it("runs only the latest request after the quiet delay and aborts the one running", async () => {
    const runs: number[] = [];
    const signals: AbortSignal[] = [];
    const done: number[] = [];
    const call = makeLatestCall<number, number>(
      {
        run: (n, signal) => {
          runs.push(n);
          signals.push(signal);
          return new Promise((resolve, reject) => {
            signal.addEventListener("abort", () => reject(abortError()));
            setTimeout(() => resolve(n * 10), 50);
          });
        },
        onPending: () => {},
        onDone: (r) => done.push(r),
        onError: () => {},
        onCancelled: () => {},
      },
      300,
    );
    call.request(1);
    call.request(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toEqual([2]);
    call.request(3);
    expect(signals[0].aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(runs).toEqual([2, 3]);
    expect(done).toEqual([30]);
  });

  it("re-runs once when another call stopped the worker, and reports a cancel", async () => {
    let attempts = 0;
    const events: string[] = [];
    const call = makeLatestCall<string, string>({
      run: async () => {
        attempts++;
        if (attempts === 1) throw abortError();
        return "ok";
      },
      onPending: () => events.push("pending"),
      onDone: (r) => events.push(r),
      onError: (e) => events.push(`error ${(e as Error).message}`),
      onCancelled: () => events.push("cancelled"),
    });
    call.request("a", 0);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(2);
    expect(events).toEqual(["pending", "ok"]);
    call.request("b");
    expect(call.cancel()).toBe(true);
    expect(call.cancel()).toBe(false);
    expect(events).toEqual(["pending", "ok", "pending", "cancelled"]);
  });
});

describe("retryForeignAbort", () => {
  const abortError = () => Object.assign(new Error("stopped"), { name: "AbortError" });

  it("asks once more when another caller's cancel stopped the shared worker", async () => {
    let calls = 0;
    const ctl = new AbortController();
    const result = await retryForeignAbort(ctl.signal, async () => {
      calls++;
      if (calls === 1) throw abortError();
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toBe(2);
  });

  it("asks only once more, and not at all after its own cancel or another error", async () => {
    let calls = 0;
    const always = async () => {
      calls++;
      throw abortError();
    };
    await expect(retryForeignAbort(new AbortController().signal, always)).rejects.toThrow("stopped");
    expect(calls).toBe(2);
    const ctl = new AbortController();
    ctl.abort();
    calls = 0;
    await expect(retryForeignAbort(ctl.signal, always)).rejects.toThrow("stopped");
    expect(calls).toBe(1);
    calls = 0;
    const broken = async () => {
      calls++;
      throw new Error("no rows");
    };
    await expect(retryForeignAbort(new AbortController().signal, broken)).rejects.toThrow("no rows");
    expect(calls).toBe(1);
  });
});
