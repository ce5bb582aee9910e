import { afterEach, describe, expect, it, vi } from "vitest";
import { estimateStorage, formatBytes, requestPersistence } from "../../../src/persist/storage.ts";

afterEach(() => vi.unstubAllGlobals());

describe("formatBytes", () => {
  it("prints decimal units with one decimal above bytes", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1000)).toBe("1.0 KB");
    expect(formatBytes(12_345)).toBe("12.3 KB");
    expect(formatBytes(1_500_000)).toBe("1.5 MB");
    expect(formatBytes(999_960)).toBe("1.0 MB");
    expect(formatBytes(2e9)).toBe("2.0 GB");
    expect(formatBytes(3.2e12)).toBe("3.2 TB");
    expect(formatBytes(-5)).toBe("0 B");
    expect(formatBytes(Number.NaN)).toBe("0 B");
  });
});

describe("estimateStorage", () => {
  it("returns zeros where the API is missing", async () => {
    vi.stubGlobal("navigator", {});
    expect(await estimateStorage()).toEqual({ usage: 0, quota: 0, persisted: false });
  });

  it("reads the browser's estimate and persistence", async () => {
    vi.stubGlobal("navigator", {
      storage: { estimate: async () => ({ usage: 1234, quota: 10_000 }), persisted: async () => true },
    });
    expect(await estimateStorage()).toEqual({ usage: 1234, quota: 10_000, persisted: true });
  });

  it("returns zeros when the browser rejects", async () => {
    vi.stubGlobal("navigator", {
      storage: { estimate: () => Promise.reject(new Error("denied")), persisted: async () => true },
    });
    expect(await estimateStorage()).toEqual({ usage: 0, quota: 0, persisted: false });
  });
});

describe("requestPersistence", () => {
  it("asks the browser and passes its answer on", async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal("navigator", { storage: { persist } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it("is false where persist is missing (workers) or throws", async () => {
    vi.stubGlobal("navigator", { storage: {} });
    expect(await requestPersistence()).toBe(false);
    vi.stubGlobal("navigator", { storage: { persist: () => Promise.reject(new Error("no")) } });
    expect(await requestPersistence()).toBe(false);
  });
});
