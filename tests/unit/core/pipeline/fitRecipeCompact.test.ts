import { describe, expect, it } from "vitest";
import { fullDecodes } from "../../../../src/core/data/decodedOnce.ts";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { isNarrow } from "../../../../src/core/data/narrowCodes.ts";
import { isScaled } from "../../../../src/core/data/scaledFloats.ts";
import { shareFrame } from "../../../../src/core/data/shareFrame.ts";
import { applyRecipe } from "../../../../src/core/pipeline/applyRecipe.ts";
import { fitRecipe } from "../../../../src/core/pipeline/fitRecipe.ts";
import type { RecipeFit } from "../../../../src/core/pipeline/fittedRecipe.ts";
import { proposeRecipe } from "../../../../src/core/pipeline/proposeRecipe.ts";
import { forEachRecipeBlock } from "../../../../src/core/pipeline/recipeRows.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "../prep/helpers.ts";

/** Decimals (some -0, some missing), whole numbers, a boolean, categories, a target with gaps. */
function table(n: number): Frame {
  const rng = makeRng(11);
  return frameOf({
    a: Array.from({ length: n }, () => (rng.next() < 0.03 ? null : Number((rng.next() * 2 - 1).toFixed(3)))),
    b: Array.from({ length: n }, () => (rng.next() < 0.2 ? null : rng.int(7))),
    tiny: Array.from({ length: n }, () => Number((rng.next() * 0.002 - 0.001).toFixed(2))),
    flag: Array.from({ length: n }, () => rng.next() < 0.4),
    color: Array.from({ length: n }, () => (rng.next() < 0.08 ? null : ["red", "green", "blue"][rng.int(3)])),
    y: Array.from({ length: n }, () => (rng.next() < 0.05 ? null : rng.next() < 0.3 ? "yes" : "no")),
  });
}

const summary = (fit: RecipeFit) => ({
  fitted: fit.fitted,
  y: Array.from(fit.y!.values),
  classes: fit.y!.classes,
  target: fit.targetColumn ? [fit.targetColumn.missing, fit.targetColumn.unique] : null,
  frame: fit.frame.columns.map((c) => [
    c.name,
    c.kind,
    c.role,
    Array.from(c.data.type === "float" ? c.data.values : c.data.codes),
  ]),
  rows: fit.frame.rows,
  dropped: fit.droppedMissingTarget,
});

describe("fitRecipe on the fold pool's compact table", () => {
  const n = 900;
  const plain = table(n);
  const compact = shareFrame(table(n));
  const recipe = proposeRecipe(plain, { target: "y", task: "binary" });

  it("packs the table (so the cases below read compact columns)", () => {
    expect(compact.columns.map((c) => isScaled(c.data) || isNarrow(c.data))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    const tiny = compact.columns[2].data;
    expect(tiny.type === "float" && Array.from(tiny.values).some((v) => Object.is(v, -0))).toBe(true);
  });

  it("gives the fit of the plain table, on every row and on a fold's rows, decoding no whole column", async () => {
    const rows = Int32Array.from({ length: n }, (_, i) => n - 1 - i).filter((i) => i % 3 !== 0);
    for (const opts of [
      { finalFrame: true },
      { finalFrame: false },
      { finalFrame: true, rows },
      { finalFrame: false, rows },
    ]) {
      // The task given, as a fold job gives it (detecting it reads the whole target).
      const common = { target: "y", task: "binary", seed: 3 } as const;
      const want = summary(fitRecipe(recipe, plain, { ...opts, ...common }));
      // A new synchronous run: nothing decoded before is kept (decodedOnce.ts).
      await Promise.resolve();
      const before = fullDecodes();
      const got = summary(fitRecipe(recipe, compact, { ...opts, ...common }));
      // Every column is gathered, the target's missing cells found in its store.
      expect(fullDecodes() - before).toBe(0);
      expect(got).toEqual(want);
    }
  });

  it("gives the model matrix of the plain table, a block of rows at a time", () => {
    const fitted = fitRecipe(recipe, plain, { target: "y", seed: 3 }).fitted;
    const rows = Int32Array.from({ length: n }, (_, i) => (i * 7) % n);
    const blocks = (frame: Frame) => {
      const out: number[][] = [];
      forEachRecipeBlock(fitted, frame, rows, (X) => out.push(Array.from(X.data)), { blockRows: 128 });
      return out;
    };
    const before = fullDecodes();
    expect(blocks(compact)).toEqual(blocks(plain));
    expect(fullDecodes() - before).toBe(0);
    // A whole-table reader (applyRecipe on the frame itself) decodes, with the same values.
    const whole = (frame: Frame) =>
      applyRecipe(fitted, frame).columns.map((c) =>
        Array.from(c.data.type === "float" ? c.data.values : c.data.codes),
      );
    expect(whole(compact)).toEqual(whole(plain));
  });
});
