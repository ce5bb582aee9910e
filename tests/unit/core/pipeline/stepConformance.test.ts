import { describe, expect, it } from "vitest";
import { decode, encode } from "../../../../src/core/pipeline/recipeJson.ts";
import { getStepInfo, hasStep, STEP_CATALOGUE } from "../../../../src/core/pipeline/stepCatalogue.ts";
import { getStep, STEPS } from "../../../../src/core/pipeline/stepRegistry.ts";
import type { StepConfig } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { columnOf, ctxOf, frameOf } from "../prep/helpers.ts";

const rng = makeRng(5);
const n = 40;
const frame = frameOf({
  num: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : rng.next() * 100 - 20)),
  cat: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : ["a", "b", "c"][rng.int(3)])),
  flag: Array.from({ length: n }, () => rng.next() < 0.5),
  when: { kind: "datetime", values: Array.from({ length: n }, (_, i) => Date.UTC(2021, 0, 1 + i)) },
});
const target = columnOf(
  "y",
  Array.from({ length: n }, (_, i) => (i % 4 === 0 ? "yes" : "no")),
);

/** A config every step accepts: "auto", or a column list for steps that need one. */
function configFor(type: string): StepConfig {
  const def = getStep(type);
  const config: StepConfig = {
    id: `${type}_1`,
    type,
    enabled: true,
    columns: "auto",
    params: { ...def.defaults },
  };
  try {
    def.validate?.(config);
  } catch {
    const col = frame.columns.find((c) => !def.accepts || def.accepts.includes(c.kind));
    config.columns = col ? [col.name] : [];
  }
  return config;
}

/** JSON round trip through the recipe artifact encoding (NaN and infinities survive). */
const roundTrip = (state: unknown) => decode(JSON.parse(JSON.stringify(encode(state))));

describe("step registry", () => {
  it("registers each type once, with a label, a category, params that cover the defaults, and a sentence", () => {
    const types = STEPS.map((s) => s.type);
    expect(new Set(types).size).toBe(types.length);
    for (const def of STEPS) {
      expect(def.label.length).toBeGreaterThan(0);
      if (def.params)
        for (const key of Object.keys(def.defaults))
          expect(def.params, `${def.type}.${key}`).toHaveProperty(key);
      const config = configFor(def.type);
      expect(() => def.validate?.(config)).not.toThrow();
      expect(def.describe(config)).toMatch(/^[A-Z].*\.$/);
      if (def.params) {
        expect(() => def.validate?.({ ...config, params: { ...config.params, bogus: 1 } })).toThrow(
          /params\.bogus: unknown param/,
        );
      }
    }
  });

  it("finds steps by type and names unknown ones", () => {
    expect(getStep("one_hot").category).toBe("encoding");
    expect(hasStep("nope")).toBe(false);
    expect(() => getStep("nope")).toThrow(
      expect.objectContaining({ name: "ValidationError", message: "unknown step: nope" }),
    );
  });

  const prepSteps = STEPS.filter((s) => s.category !== "features" && s.category !== "selection");
  it.each(prepSteps.map((s) => s.type))(
    "%s: fits deterministically to a plain-JSON state and transforms new rows with it",
    (type) => {
      const def = getStep(type);
      const config = configFor(type);
      const fitState = () =>
        def.fitTransform
          ? def.fitTransform(frame, config, ctxOf(target, "binary", 2)).state
          : def.fit(frame, config, ctxOf(target, "binary", 2));
      const state = fitState();
      expect(roundTrip(state)).toEqual(state);
      expect(fitState()).toEqual(state);
      const fresh = frameOf({
        num: [1, null],
        cat: ["zzz", null],
        flag: [true, null],
        when: { kind: "datetime", values: [Date.UTC(2030, 0, 1), null] },
      });
      const out = def.transform(fresh, roundTrip(state), config);
      expect(out.rows).toBe(2);
      for (const col of out.columns) {
        const len = col.data.type === "float" ? col.data.values.length : col.data.codes.length;
        expect(len, `${type}: ${col.name}`).toBe(2);
      }
    },
  );
});
