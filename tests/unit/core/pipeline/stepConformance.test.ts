import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import type { FittedRecipe } from "../../../../src/core/pipeline/fittedRecipe.ts";
import {
  decode,
  encode,
  fittedRecipeFromJSON,
  fittedRecipeToJSON,
} from "../../../../src/core/pipeline/recipeJson.ts";
import { getStepInfo, hasStep, STEP_CATALOGUE } from "../../../../src/core/pipeline/stepCatalogue.ts";
import { getStep, STEPS } from "../../../../src/core/pipeline/stepRegistry.ts";
import type { StepConfig, StepDef } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { columnOf, ctxOf, frameOf } from "../prep/helpers.ts";

// The shared conformance suite of recipe steps: every registered step, prep, feature creation and
// selection alike, is fitted on training rows and checked the same way. A new step is picked up
// by registering it; give it a config here only when its defaults cannot run on this frame.

const n = 60;

/** Seeded mixed rows: numbers (some missing), a category, a flag, dates, short texts. */
function mixedFrame(rows: number, seed: number): Frame {
  const rng = makeRng(seed);
  const words = ["red apple", "green pear", "ripe red plum", "old pear"];
  return frameOf({
    num: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : rng.next() * 100 - 20)),
    size: Array.from({ length: rows }, () => 1 + rng.next() * 9),
    cat: Array.from({ length: rows }, (_, i) => (i % 9 === 0 ? null : ["a", "b", "c"][rng.int(3)])),
    flag: Array.from({ length: rows }, () => rng.next() < 0.5),
    when: {
      kind: "datetime",
      values: Array.from({ length: rows }, (_, i) => Date.UTC(2021, 0, 1 + i, i % 24)),
    },
    note: { kind: "text", values: Array.from({ length: rows }, () => words[rng.int(words.length)]) },
  });
}

const train = mixedFrame(n, 5);
const fresh = mixedFrame(7, 99);
const target = columnOf(
  "y",
  Array.from({ length: n }, (_, i) => (i % 4 === 0 ? "yes" : "no")),
);
const ctx = () => ctxOf(target, "binary", 3);

/** Configs for steps whose defaults name no columns to work on. */
const CONFIGS: Record<string, Partial<StepConfig>> = {
  group_aggregates: { columns: ["size"], params: { keys: ["cat"] } },
  pairs: { columns: ["num", "size"] },
  fix_type: { columns: ["cat"], params: { kind: "text" } },
  select: { params: { method: "correlation", keep: "k", k: 2 } },
};

/** A config every step accepts: "auto", or a column list for steps that need one. */
function configFor(type: string): StepConfig {
  const def = getStepInfo(type);
  const config: StepConfig = {
    id: `${type}_1`,
    type,
    enabled: true,
    columns: "auto",
    params: { ...def.defaults },
    ...CONFIGS[type],
  };
  config.params = { ...def.defaults, ...CONFIGS[type]?.params };
  if (CONFIGS[type]) return config;
  try {
    def.validate?.(config);
  } catch {
    const col = train.columns.find((c) => !def.accepts || def.accepts.includes(c.kind));
    config.columns = col ? [col.name] : [];
  }
  return config;
}

/** Fits a step on the training rows: its state and the transformed training rows. */
function fitStep(def: StepDef, config: StepConfig) {
  def.validate?.(config);
  if (def.fitTransform) {
    const r = def.fitTransform(train, config, ctx());
    return { state: r.state, trained: r.frame };
  }
  const state = def.fit(train, config, ctx());
  return { state, trained: def.transform(train, state, config) };
}

/** JSON round trip through the recipe file encoding (NaN and infinities survive). */
const roundTrip = (state: unknown) => decode(JSON.parse(JSON.stringify(encode(state))));

/** Names and kinds of the columns new data gets too (sample weights are training-only). */
const shapeOf = (frame: Frame) =>
  frame.columns.filter((c) => c.role !== "weight").map((c) => `${c.name}:${c.kind}`);

/** One fitted step as a recipe file, as `fittedRecipeFromJSON` reads it. */
function recipeFile(config: StepConfig, state: unknown): unknown {
  const fitted: FittedRecipe = {
    recipe: { version: 1, target: "y", steps: [config] },
    target: "y",
    task: "binary",
    classes: ["no", "yes"],
    inputs: train.columns.map((c) => ({ name: c.name, kind: c.kind })),
    steps: [{ id: config.id, type: config.type, state }],
    features: [],
    seed: 3,
  };
  return JSON.parse(JSON.stringify(fittedRecipeToJSON(fitted)));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
/** A value of the wrong kind for whatever `v` was (an object is neither number, text, null nor list). */
const wrong = (v: unknown) => (isObject(v) ? "damaged" : { damaged: true });

/** Damaged copies of a state: null, each field of the wrong kind, each field of a listed object. */
function damages(state: unknown): { path: string; state: unknown }[] {
  const out: { path: string; state: unknown }[] = [{ path: "state", state: null }];
  if (!isObject(state)) return out;
  for (const [k, v] of Object.entries(state)) {
    if (v === undefined) continue;
    out.push({ path: `state.${k}`, state: { ...state, [k]: wrong(v) } });
    if (Array.isArray(v) && isObject(v[0])) {
      for (const [kk, vv] of Object.entries(v[0])) {
        const items = [{ ...v[0], [kk]: wrong(vv) }, ...v.slice(1)];
        out.push({ path: `state.${k}[0].${kk}`, state: { ...state, [k]: items } });
      }
    }
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const types = STEPS.map((s) => s.type);

describe("step registry and catalogue", () => {
  it("list the same steps in the same order, and every step's catalogue part is its own", () => {
    expect(STEP_CATALOGUE.map((s) => s.type)).toEqual(types);
    for (const def of STEPS) {
      const info = getStepInfo(def.type);
      for (const key of [
        "label",
        "category",
        "defaults",
        "params",
        "accepts",
        "describe",
        "validate",
      ] as const)
        expect(def[key], `${def.type}.${key}`).toBe(info[key]);
    }
  });

  it("covers prep, feature creation and selection steps", () => {
    const categories = new Set(STEPS.map((s) => s.category));
    for (const c of ["cleaning", "encoding", "scaling", "imbalance", "features", "selection"])
      expect(categories.has(c as never), c).toBe(true);
  });

  it("registers each type once, with a label, params that cover the defaults, and a sentence", () => {
    expect(new Set(types).size).toBe(types.length);
    for (const def of STEP_CATALOGUE) {
      expect(def.label.length).toBeGreaterThan(0);
      if (def.params)
        for (const key of Object.keys(def.defaults))
          expect(def.params, `${def.type}.${key}`).toHaveProperty(key);
      const config = configFor(def.type);
      expect(() => def.validate?.(config)).not.toThrow();
      expect(def.describe(config)).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("finds steps by type and names unknown ones", () => {
    expect(getStepInfo("one_hot").category).toBe("encoding");
    expect(hasStep("nope")).toBe(false);
    for (const find of [getStep, getStepInfo])
      expect(() => find("nope")).toThrow(
        expect.objectContaining({ name: "ValidationError", message: "unknown step: nope" }),
      );
  });
});

describe.each(types)("%s", (type) => {
  const def = getStep(type);
  const config = configFor(type);

  it("refuses unknown params and params of the wrong kind, naming the step and the param", () => {
    expect(() => def.validate?.({ ...config, params: { ...config.params, bogus: 1 } })).toThrow(
      expect.objectContaining({ name: "ValidationError", message: expect.stringMatching(/params\.bogus/) }),
    );
    const [name, value] = Object.entries(def.params ?? {})[0] ?? [];
    if (name === undefined) return;
    const bad = value.type === "number" ? "many" : { damaged: true };
    expect(() => def.validate?.({ ...config, params: { ...config.params, [name]: bad } })).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: expect.stringMatching(new RegExp(`^${escapeRe(type)}\\b.*params\\.${escapeRe(name)}`)),
      }),
    );
  });

  it("fits the same state and training rows for the same seed", () => {
    const a = fitStep(def, config);
    const b = fitStep(def, config);
    expect(b.state).toEqual(a.state);
    expect(b.trained).toEqual(a.trained);
  });

  it("fits a state of its declared shape that survives a JSON round trip and transforms identically", () => {
    const { state } = fitStep(def, config);
    expect(def.state(state, "state")).toBeNull();
    const back = roundTrip(state);
    expect(back).toEqual(state);
    expect(def.state(back, "state")).toBeNull();
    expect(def.transform(fresh, back as never, config)).toEqual(def.transform(fresh, state, config));
    expect(def.transform(train, back as never, config)).toEqual(def.transform(train, state, config));
    const loaded = fittedRecipeFromJSON(recipeFile(config, state));
    expect(loaded.steps[0].state).toEqual(state);
  });

  it("gives new rows the columns it gave the training rows, one value per row", () => {
    const { state, trained } = fitStep(def, config);
    const out = def.transform(fresh, state, config);
    expect(shapeOf(out)).toEqual(shapeOf(trained));
    expect(out.rows).toBe(fresh.rows);
    for (const col of out.columns) {
      const len = col.data.type === "float" ? col.data.values.length : col.data.codes.length;
      expect(len, col.name).toBe(fresh.rows);
    }
  });

  it("refuses a damaged fitted state on load, naming the step and the part", () => {
    const { state } = fitStep(def, config);
    const cases = damages(roundTrip(state));
    expect(cases.length).toBeGreaterThan(1);
    for (const d of cases) {
      const message = new RegExp(
        `^${escapeRe(type)} \\(step "${escapeRe(config.id)}"\\): ${escapeRe(d.path)}\\b`,
      );
      expect(() => fittedRecipeFromJSON(recipeFile(config, d.state)), d.path).toThrow(
        expect.objectContaining({ name: "ValidationError", message: expect.stringMatching(message) }),
      );
    }
  });

  it("refuses damaged params on load, naming the step and the param", () => {
    const { state } = fitStep(def, config);
    const file = recipeFile({ ...config, params: { ...config.params, bogus: 1 } }, state);
    expect(() => fittedRecipeFromJSON(file)).toThrow(
      expect.objectContaining({ name: "ValidationError", message: expect.stringMatching(/params\.bogus/) }),
    );
  });
});
