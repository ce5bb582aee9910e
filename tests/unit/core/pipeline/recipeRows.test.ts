import { describe, expect, it } from "vitest";
import { fitRecipe } from "../../../../src/core/pipeline/fitRecipe.ts";
import { proposeRecipe } from "../../../../src/core/pipeline/proposeRecipe.ts";
import {
  forEachRecipeBlock,
  recipeMatrix,
  refitsRowByRow,
} from "../../../../src/core/pipeline/recipeRows.ts";
import { toMatrix } from "../../../../src/core/pipeline/toMatrix.ts";
import { takeFrameRows } from "../../../../src/core/prep/columns.ts";
import { mixedFrame } from "./mixedFrame.ts";

const frame = mixedFrame();
const proposed = proposeRecipe(frame, { target: "churn", task: "binary" });
// Target encoding's training output is out of fold (not its transform): one-hot here instead.
const recipe = {
  ...proposed,
  steps: proposed.steps.map((s) =>
    s.type === "target_encoding" ? { ...s, type: "one_hot", params: {} } : s,
  ),
};
const rows = Int32Array.from({ length: frame.rows }, (_, i) => i).filter((i) => i % 3 !== 1);
const opts = { target: "churn", task: "binary" as const, seed: 2 };

describe("recipe rows by blocks", () => {
  it("rebuilds fitRecipe's training matrix from the fitted recipe, block by block", () => {
    expect(refitsRowByRow(recipe)).toBe(true);
    const whole = fitRecipe(recipe, takeFrameRows(frame, rows), opts);
    const bare = fitRecipe(recipe, takeFrameRows(frame, rows), { ...opts, finalFrame: false });
    // Without the last step's training output: its columns, no rows, the same fitted states.
    expect(bare.frame.rows).toBe(0);
    expect(bare.fitted).toEqual(whole.fitted);
    expect(bare.y).toEqual(whole.y);
    const expected = toMatrix(whole.frame, { names: whole.fitted.features });
    expect(expected.cols).toBeGreaterThan(5);
    expect(recipeMatrix(bare.fitted, frame, rows, { blockRows: 7 })).toEqual(expected);
    const starts: number[] = [];
    forEachRecipeBlock(bare.fitted, frame, rows, (X, k0) => starts.push(k0, X.rows), { blockRows: 50 });
    expect(starts.filter((_, i) => i % 2 === 0)).toEqual(
      Array.from({ length: Math.ceil(rows.length / 50) }, (_, i) => i * 50),
    );
  });

  it("says when a recipe's training output is not its transform (out-of-fold encoding, weights)", () => {
    expect(refitsRowByRow(proposed)).toBe(false);
    const weighted = {
      ...recipe,
      steps: [
        ...recipe.steps,
        { id: "w", type: "class_weights", enabled: true, columns: "auto" as const, params: {} },
      ],
    };
    expect(refitsRowByRow(weighted)).toBe(false);
    const off = weighted.steps.map((s) => ({ ...s, enabled: s.id !== "w" }));
    expect(refitsRowByRow({ ...weighted, steps: off })).toBe(true);
  });
});
