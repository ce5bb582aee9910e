import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Matrix, Target } from "../../../../src/core/models/estimator.ts";
import { makeRng } from "../../../../src/core/random.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "fixtures", "models");

/**
 * Reads one of the fixture CSVs (all feature columns numeric, no quotes, no missing values; the
 * target is the last column). A non-numeric target becomes class indices in order of first
 * appearance. Features are standardised to mean 0, sd 1 over the whole file.
 */
export function loadDataset(name: string): { X: Matrix; y: Target } {
  const lines = readFileSync(join(FIXTURES, `${name}.csv`), "utf8")
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(",");
  const cols = header.length - 1;
  const rows = lines.length - 1;
  const data = new Float64Array(rows * cols);
  const raw: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(",");
    for (let c = 0; c < cols; c++) data[r * cols + c] = Number(cells[c]);
    raw.push(cells[cols]);
  }
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += data[r * cols + c] / rows;
    let variance = 0;
    for (let r = 0; r < rows; r++) variance += (data[r * cols + c] - mean) ** 2 / rows;
    const sd = Math.sqrt(variance) || 1;
    for (let r = 0; r < rows; r++) data[r * cols + c] = (data[r * cols + c] - mean) / sd;
  }
  const X: Matrix = { data, rows, cols, names: header.slice(0, cols) };
  if (raw.every((v) => v !== "" && Number.isFinite(Number(v))))
    return { X, y: { values: Float64Array.from(raw, Number) } };
  const classes = [...new Set(raw)];
  return { X, y: { values: Float64Array.from(raw, (v) => classes.indexOf(v)), classes } };
}

/** Standard normal draws from the seeded generator (Box-Muller). */
function gaussian(rng: ReturnType<typeof makeRng>): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

export type SyntheticTask = "regression" | "binary" | "multiclass";

/**
 * Small seeded data for a task: 3 features; classes centred apart with unequal shares (60/40 or
 * 50/30/20, so a majority class exists); regression y = 2 x0 - x1 + 0.5 x2 + 10 + noise.
 */
export function synthetic(task: SyntheticTask, rows = 60, seed = 1): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = gaussian(rng);
  const cols = 3;
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  const shares = task === "binary" ? [0.6, 1] : [0.5, 0.8, 1];
  for (let r = 0; r < rows; r++) {
    const u = r / rows;
    const c = task === "regression" ? 0 : shares.findIndex((s) => u < s);
    for (let j = 0; j < cols; j++)
      data[r * cols + j] = normal() + (task === "regression" ? 0 : 1.5 * (c === j ? 1 : 0));
    values[r] =
      task === "regression"
        ? 2 * data[r * cols] - data[r * cols + 1] + 0.5 * data[r * cols + 2] + 10 + 0.1 * normal()
        : c;
  }
  const X: Matrix = { data, rows, cols, names: ["x0", "x1", "x2"] };
  if (task === "regression") return { X, y: { values } };
  return { X, y: { values, classes: task === "binary" ? ["no", "yes"] : ["a", "b", "c"] } };
}
