import { describe, expect, it } from "vitest";
import { timeDenseStep } from "../../../../../src/core/models/mlp/timeDenseStep.ts";

describe("timeDenseStep", () => {
  it("times the backend probe's step with the WebAssembly kernels in Node", () => {
    const { ms, kind } = timeDenseStep(2);
    expect(kind).toBe("wasm");
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
