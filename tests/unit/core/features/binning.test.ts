import { describe, expect, it } from "vitest";
import { binningStep } from "../../../../src/core/features/index.ts";
import { configOf, fitApply, frameOf, names, valuesOf } from "./helpers.ts";

describe("binning", () => {
  const train = frameOf({ x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });

  it("learns quantile edges from the training rows (numpy's linear interpolation)", () => {
    const { state, out } = fitApply(
      binningStep,
      train,
      configOf(binningStep, { strategy: "quantile", bins: 4 }),
    );
    expect(state.columns[0].edges).toEqual([3.25, 5.5, 7.75]);
    expect(valuesOf(out, "bin(x)")).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it("learns equal-width edges and merges tied quantile edges", () => {
    const { state } = fitApply(
      binningStep,
      train,
      configOf(binningStep, { strategy: "equal_width", bins: 3 }),
    );
    expect(state.columns[0].edges).toEqual([4, 7]);
    const tied = frameOf({ x: [0, 0, 0, 0, 0, 0, 1, 2] });
    const q = fitApply(binningStep, tied, configOf(binningStep, { strategy: "quantile", bins: 4 }));
    expect(q.state.columns[0].edges).toEqual([0.25]);
  });

  it("applies fitted edges unchanged to other rows (no leakage) and one-hot encodes", () => {
    const config = configOf(binningStep, {
      strategy: "quantile",
      bins: 4,
      encode: "onehot",
      keep_source: false,
    });
    const state = JSON.parse(JSON.stringify(binningStep.fit(train, config, { rng: {} as never })));
    const other = frameOf({ x: [-100, 5.5, 1000, null] });
    const out = binningStep.transform(other, state, config);
    expect(state.columns[0].edges).toEqual([3.25, 5.5, 7.75]);
    expect(names(out)).toEqual(["bin(x)=0", "bin(x)=1", "bin(x)=2", "bin(x)=3"]);
    expect(valuesOf(out, "bin(x)=0")).toEqual([1, 0, 0, 0]);
    expect(valuesOf(out, "bin(x)=2")).toEqual([0, 1, 0, 0]);
    expect(valuesOf(out, "bin(x)=3")).toEqual([0, 0, 1, 0]);
  });

  it("uses custom edges and keeps a missing value missing", () => {
    const frame = frameOf({ x: [-1, 0, 10, 11, null] });
    const { out } = fitApply(
      binningStep,
      frame,
      configOf(binningStep, { strategy: "custom", edges: "0, 10" }),
    );
    expect(valuesOf(out, "bin(x)")).toEqual([0, 1, 2, 2, Number.NaN]);
    expect(() => binningStep.validate?.(configOf(binningStep, { strategy: "custom", edges: "3 1" }))).toThrow(
      /params.edges/,
    );
  });
});
