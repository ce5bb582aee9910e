import { describe, expect, it } from "vitest";
import {
  bool,
  checkState,
  either,
  list,
  nullable,
  num,
  nums,
  obj,
  oneOf,
  str,
} from "../../../../src/core/prep/stateShape.ts";

const shape = obj(
  { columns: list(obj({ name: str, fill: nullable(either("a number or text", num, str)) })), on: bool },
  { scores: nums, mode: oneOf(["a", "b"]) },
);

describe("state shapes", () => {
  it("accept states that fit, NaN and typed arrays included, and leave extra fields alone", () => {
    const state = {
      columns: [
        { name: "x", fill: Number.NaN },
        { name: "y", fill: null },
      ],
      on: true,
      extra: 1,
    };
    expect(shape(state, "state")).toBeNull();
    expect(shape({ ...state, scores: Float64Array.of(1, 2) }, "state")).toBeNull();
    expect(checkState("impute", "fill", state, shape)).toBe(state);
  });

  it("name the first part that does not fit", () => {
    expect(shape({ columns: [{ name: 3, fill: 1 }], on: true }, "state")).toBe(
      "state.columns[0].name: expected text, got 3",
    );
    expect(shape({ columns: [{ name: "x", fill: true }], on: true }, "state")).toBe(
      "state.columns[0].fill: expected a number or text, got true",
    );
    expect(shape({ columns: [], on: true, mode: "c" }, "state")).toBe(
      'state.mode: expected one of a | b, got "c"',
    );
    expect(shape({ columns: {} }, "state")).toBe("state.columns: expected a list, got an object");
    expect(shape({ columns: [] }, "state")).toBe("state.on: missing");
    expect(shape(null, "state")).toBe("state: expected an object, got null");
    const hostile = JSON.parse(
      '{"columns": [{"name": "x", "fill": 1, "__proto__": {"polluted": true}}], "on": true}',
    );
    expect(shape(hostile, "state")).toBe('state.columns[0]: forbidden key "__proto__"');
  });

  it("refuse with a ValidationError naming the step", () => {
    expect(() => checkState("impute", "fill", { columns: [] }, shape)).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: 'impute (step "fill"): state.on: missing',
      }),
    );
  });
});
