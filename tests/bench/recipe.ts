import type { Column, Frame } from "../../src/core/data/frame.ts";
import { applyRecipe } from "../../src/core/pipeline/applyRecipe.ts";
import { fitRecipe } from "../../src/core/pipeline/fitRecipe.ts";
import { proposeRecipe } from "../../src/core/pipeline/proposeRecipe.ts";
import { toMatrix } from "../../src/core/pipeline/toMatrix.ts";
import { makeRng } from "../../src/core/random.ts";

const ROWS = 1_000_000;

/**
 * A seeded frame built directly (no CSV): 12 numeric columns (half ~6% missing, half ~2%), 4
 * categorical (5, 12, 20 and 50 levels, ~2% missing), 1 boolean, 1 datetime, 1 consecutive row
 * id, 1 high-cardinality categorical (20,000 levels) and an imbalanced binary target "label"
 * (~10% positive) that depends on some of them.
 */
export function makeRecipeFrame(rows = ROWS, seed = 1): Frame {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const columns: Column[] = [];
  const float = (name: string, kind: Column["kind"], f: (i: number) => number) => {
    const values = new Float64Array(rows);
    let missing = 0;
    for (let i = 0; i < rows; i++) {
      values[i] = f(i);
      if (Number.isNaN(values[i])) missing++;
    }
    columns.push({ name, kind, role: "feature", data: { type: "float", values }, missing, unique: 0 });
    return values;
  };
  const dict = (name: string, levelCount: number, missingShare: number) => {
    const levels = Array.from({ length: levelCount }, (_, j) => `${name}_${j}`);
    const codes = new Int32Array(rows);
    let missing = 0;
    for (let i = 0; i < rows; i++) {
      codes[i] = rng.next() < missingShare ? -1 : Math.floor(levelCount * rng.next() ** 2);
      if (codes[i] < 0) missing++;
    }
    columns.push({
      name,
      kind: "categorical",
      role: "feature",
      data: { type: "dict", codes, levels },
      missing,
      unique: levelCount,
    });
    return codes;
  };
  float("row_id", "numeric", (i) => i + 1);
  const nums: Float64Array[] = [];
  for (let k = 0; k < 12; k++) {
    const share = k % 2 === 0 ? 0.06 : 0.02;
    const gen =
      k % 3 === 0
        ? () => 50 + 10 * normal()
        : k % 3 === 1
          ? () => Math.exp(normal())
          : () => Math.floor(-Math.log(1 - rng.next()) * 3);
    nums.push(float(`num_${k}`, "numeric", () => (rng.next() < share ? Number.NaN : gen())));
  }
  const cats = [5, 12, 20, 50].map((levels, k) => dict(`cat_${k}`, levels, 0.02));
  float("flag", "boolean", () => (rng.next() < 0.3 ? 1 : 0));
  const start = Date.UTC(2015, 0, 1);
  float("signup", "datetime", () => start + Math.floor(rng.next() * 5 * 365) * 86_400_000);
  dict("merchant", 20_000, 0);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const x =
      (Number.isNaN(nums[0][i]) ? 50 : nums[0][i]) - 50 + 4 * (cats[0][i] === 0 ? 1 : 0) + 5 * normal();
    labels[i] = x > 16 ? 1 : 0;
  }
  columns.push({
    name: "label",
    kind: "categorical",
    role: "feature",
    data: { type: "dict", codes: labels, levels: ["no", "yes"] },
    missing: 0,
    unique: 2,
  });
  return { rows, columns };
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(3));

/** Times the default recipe on a 1,000,000-row frame: propose, fit, apply to new rows, and make the matrix. */
export async function benchRecipe(): Promise<Record<string, string | number>> {
  let t = performance.now();
  const frame = makeRecipeFrame();
  const build = performance.now() - t;
  t = performance.now();
  const recipe = proposeRecipe(frame, { target: "label", task: "binary" });
  const propose = performance.now() - t;
  t = performance.now();
  const fit = fitRecipe(recipe, frame, { seed: 1 });
  const fitMs = performance.now() - t;
  t = performance.now();
  const applied = applyRecipe(fit.fitted, frame);
  const applyMs = performance.now() - t;
  t = performance.now();
  const X = toMatrix(applied, { names: fit.fitted.features });
  const matrixMs = performance.now() - t;
  const rate = (ms: number) => Math.round(frame.rows / (ms / 1000));
  return {
    rows: frame.rows,
    columns_in: frame.columns.length,
    features_out: X.cols,
    steps: recipe.steps.map((s) => s.type).join(","),
    build_s: seconds(build),
    propose_s: seconds(propose),
    fit_s: seconds(fitMs),
    fit_rows_per_s: rate(fitMs),
    apply_s: seconds(applyMs),
    apply_rows_per_s: rate(applyMs),
    to_matrix_s: seconds(matrixMs),
    to_matrix_rows_per_s: rate(matrixMs),
    slowest_fit_step: fit.trace.reduce((a, b) => (b.ms > a.ms ? b : a)).id,
  };
}
