import { describe, expect, it } from "vitest";
import { chooseBackend } from "../../../workers/chooseBackend.ts";
import type { BackendMeasure } from "../../../workers/computeApi.ts";

const m = (backend: BackendMeasure["backend"], msPerStep: number | null, note = ""): BackendMeasure => ({
  backend,
  available: msPerStep !== null,
  msPerStep,
  note,
});

describe("chooseBackend", () => {
  it("takes the fastest available backend", () => {
    expect(chooseBackend([m("webgpu", null), m("webgl", 9), m("wasm", 4), m("cpu", 40)])).toBe("wasm");
  });

  it("never takes a software WebGPU adapter, however fast it measured", () => {
    expect(chooseBackend([m("webgpu", 1, "software adapter"), m("wasm", 4), m("cpu", 40)])).toBe("wasm");
  });

  it("keeps a GPU backend only where it beats the net's own CPU kernels", () => {
    const measures = [m("webgpu", 3, "hardware adapter"), m("webgl", null), m("wasm", 12), m("cpu", 40)];
    expect(chooseBackend(measures, 5)).toBe("webgpu");
    expect(chooseBackend(measures, 2)).toBe("wasm");
  });

  it("falls back to the fastest CPU backend, or cpu when nothing measured", () => {
    expect(chooseBackend([m("webgl", 3), m("cpu", 40)], 1)).toBe("cpu");
    expect(chooseBackend([m("webgpu", null), m("wasm", null)])).toBe("cpu");
  });
});
