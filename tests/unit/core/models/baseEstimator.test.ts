import { describe, expect, it } from "vitest";
import { BaseEstimator, defineArtifact, readArtifact } from "../../../../src/core/models/baseEstimator.ts";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { getModel } from "../../../../src/core/models/registry.ts";
import { synthetic } from "./datasets.ts";

// A toy family at state version 3: version 1 stored `v`, version 2 renamed it `value`,
// version 3 added `scale`. Older artifacts are migrated step by step, then parsed.
interface ToyParams {
  k: number;
  names: string[];
}
interface ToyState {
  value: number;
  scale: number;
}
const TOY = defineArtifact<ToyParams, ToyState>({
  type: "toy",
  defaults: { k: 1, names: [] },
  migrations: [
    ({ params, state }) => {
      const { v, ...rest } = state as { v?: unknown };
      return { params, state: { ...rest, value: v } };
    },
    ({ params, state }) => ({ params, state: { ...(state as object), scale: 1 } }),
  ],
  parseState(raw, read) {
    const s = read.object(raw, "state", ["value", "scale"]);
    return {
      value: read.number(s.value, "state: value"),
      scale: read.number(s.scale, "state: scale", { min: 0 }),
    };
  },
});

class Toy extends BaseEstimator<ToyParams, ToyState> {
  static readonly artifact = TOY;
  fit(_X: Matrix, y: Target): this {
    this.state = { value: y.values[0], scale: 2 };
    return this;
  }
  protected shapeOf(): { features: number; classes: number } {
    return { features: 1, classes: 0 };
  }
  predict(X: Matrix): Float64Array {
    const s = this.fitted();
    return new Float64Array(X.rows).fill(s.value * s.scale);
  }
}

describe("readArtifact and BaseEstimator", () => {
  it("migrates each older version up to the current one", () => {
    const v1 = { type: "toy", version: 1, params: { k: 4 }, state: { v: 7 } };
    const v2 = { type: "toy", version: 2, params: { k: 4 }, state: { value: 7 } };
    for (const a of [v1, v2]) {
      expect(readArtifact(TOY, a)).toEqual({ params: { k: 4, names: [] }, state: { value: 7, scale: 1 } });
    }
    const model = Toy.fromJSON(v1);
    expect(model.toJSON()).toEqual({
      type: "toy",
      version: 3,
      params: { k: 4, names: [] },
      state: { value: 7, scale: 1 },
    });
  });

  it("refuses a newer version, an unknown version and a migrated state that does not parse", () => {
    expect(() => readArtifact(TOY, { type: "toy", version: 4, params: {}, state: {} })).toThrow(
      "toy: made by a newer version of the app (state version 4, this app reads up to 3)",
    );
    expect(() => readArtifact(TOY, { type: "toy", version: "3", params: {}, state: {} })).toThrow(
      'toy: version: expected a state version from 1 to 3, got "3"',
    );
    // The first step destructures the state: a null one trips it, and that becomes a refusal.
    expect(() => readArtifact(TOY, { type: "toy", version: 1, params: {}, state: null })).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: expect.stringMatching(/^toy: state version 1: cannot be brought up to date \(/),
      }),
    );
    expect(() => readArtifact(TOY, { type: "toy", version: 1, params: {}, state: { v: "7" } })).toThrow(
      'toy: state: value: expected a number, got "7"',
    );
  });

  it("checks params: known names, JSON scalars or flat arrays, finite numbers; copies arrays", () => {
    const state = { value: 1, scale: 1 };
    const read = (params: unknown) => () => readArtifact(TOY, { type: "toy", version: 3, params, state });
    expect(read({ j: 1 })).toThrow('toy: params: unexpected key "j"');
    expect(read({ k: Number.NaN })).toThrow("toy: params.k: not a finite number (NaN)");
    expect(read({ names: [["a"]] })).toThrow(
      "toy: params.names[0]: expected a number, string, true, false or null, got an array",
    );
    const names = ["a"];
    const model = new Toy({ names });
    names.push("b");
    expect(model.params.names).toEqual(["a"]);
  });

  it("refuses toJSON before fit with NotFittedError, and round-trips after", () => {
    const { X, y } = synthetic("regression", 5);
    expect(() => new Toy().toJSON()).toThrow(expect.objectContaining({ name: "NotFittedError" }));
    const model = new Toy().fit(X, y);
    expect(Toy.fromJSON(JSON.parse(JSON.stringify(model.toJSON()))).predict(X)).toEqual(model.predict(X));
  });

  it("reads version-1 ridge artifacts (before `cols`) through the ridge migration", async () => {
    const { X, y } = synthetic("regression", 30);
    const model = await getModel("linear").create().fit(X, y);
    const current = model.toJSON() as { version: number; state: { cols?: number } };
    expect(current.version).toBe(2);
    const { cols: _, ...v1state } = current.state;
    const restored = getModel("linear").fromJSON({ ...current, version: 1, state: v1state });
    expect(restored.predict(X)).toEqual(model.predict(X));
    expect(restored.toJSON()).toEqual(current);
  });
});
