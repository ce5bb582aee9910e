import { describe, expect, it } from "vitest";
import { type AutoPairsState, autoPairsStep } from "../../../../src/core/features/index.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { configOf, contextOf, fitApply, frameOf, names, normals, valuesOf } from "./helpers.ts";

/** Columns a..e uniform on (-1, 1) and a target built from them by `f` plus a little noise. */
function planted(f: (r: Record<string, number>) => number, rows = 1000, seed = 21) {
  const rng = makeRng(seed);
  const noise = normals(seed + 1);
  const cols: Record<string, number[]> = { a: [], b: [], c: [], d: [], e: [] };
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row: Record<string, number> = {};
    for (const name of Object.keys(cols)) cols[name].push((row[name] = 2 * rng.next() - 1));
    y.push(f(row) + 0.1 * noise());
  }
  return { frame: frameOf(cols), y };
}

describe("auto_pairs", () => {
  it("finds a planted product interaction (values)", () => {
    const { frame, y } = planted((r) => 3 * r.a * r.c + r.b);
    const target = { ...frameOf({ y }).columns[0], role: "target" as const };
    const { state, out } = fitApply(autoPairsStep, frame, configOf(autoPairsStep), contextOf(target));
    expect(state.chosen[0]).toMatchObject({ a: "a", b: "c", op: "product", name: "a*c" });
    expect(state.chosen[0].gain).toBeGreaterThan(0.3);
    expect(state.candidates.length).toBeLessThanOrEqual(60);
    expect(state.candidates[0].gain).toBe(state.chosen[0].gain);
    expect(names(out).slice(0, 5)).toEqual(["a", "b", "c", "d", "e"]);
    const a = valuesOf(frame, "a");
    const c = valuesOf(frame, "c");
    expect(valuesOf(out, "a*c")).toEqual(a.map((v, i) => v * c[i]));
  });

  it("finds a planted interaction behind classes", () => {
    const { frame, y } = planted((r) => r.b * r.d);
    const target = {
      ...frameOf({ y: y.map((v) => (v > 0 ? "pos" : "neg")) }).columns[0],
      role: "target" as const,
    };
    const state = autoPairsStep.fit(
      frame,
      configOf(autoPairsStep, { n: 1 }),
      contextOf(target),
    ) as AutoPairsState;
    expect(state.chosen.map((c) => c.name)).toEqual(["b*d"]);
  });

  it("keeps nothing when no pair helps a linear target, and needs a target", () => {
    const { frame, y } = planted((r) => r.a + 2 * r.b - r.e);
    const target = { ...frameOf({ y }).columns[0], role: "target" as const };
    const state = autoPairsStep.fit(frame, configOf(autoPairsStep), contextOf(target)) as AutoPairsState;
    expect(state.chosen).toEqual([]);
    expect(state.baseScore).toBeGreaterThan(0.95);
    expect(() => autoPairsStep.fit(frame, configOf(autoPairsStep), contextOf())).toThrow(/needs a target/);
  });
});
