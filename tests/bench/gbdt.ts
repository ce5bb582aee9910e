import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";
import { makeRng } from "../../src/core/random.ts";

/**
 * Gradient boosting throughput on seeded synthetic data, one thread: 20,000 rows x 20 numeric
 * features, 100 iterations of 31-leaf trees on 255 bins, early stopping off. The figure of merit
 * is rows x features x iterations per second (goal: 30 million or more).
 */
const ROWS = 20_000;
const COLS = 20;
const ITERATIONS = 100;

/** Friedman #1 on the first five features (the other fifteen are noise), and a thresholded copy. */
function friedman(seed: number): { X: Matrix; regression: Target; binary: Target } {
  const rng = makeRng(seed);
  const data = new Float64Array(ROWS * COLS);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  const y = new Float64Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const x = (c: number) => data[r * COLS + c];
    const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
    y[r] = 10 * Math.sin(Math.PI * x(0) * x(1)) + 20 * (x(2) - 0.5) ** 2 + 10 * x(3) + 5 * x(4) + noise;
  }
  const sorted = y.slice().sort();
  const median = sorted[ROWS >> 1];
  const names = Array.from({ length: COLS }, (_, c) => `x${c}`);
  return {
    X: { data, rows: ROWS, cols: COLS, names },
    regression: { values: y },
    binary: { values: y.map((v) => (v > median ? 1 : 0)), classes: ["low", "high"] },
  };
}

async function timeFit(
  X: Matrix,
  y: Target,
  iterations = ITERATIONS,
): Promise<{ seconds: number; trainLoss: number }> {
  const model = new Gbdt({ max_iter: iterations, max_leaf_nodes: 31, max_bins: 255, early_stopping: false });
  const t0 = performance.now();
  await model.fit(X, y, { seed: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const losses = model.toJSON().state.train_loss;
  return { seconds, trainLoss: losses[losses.length - 1] };
}

export async function benchGbdt(): Promise<Record<string, string | number>> {
  const { X, regression, binary } = friedman(42);
  const cells = ROWS * COLS * ITERATIONS;
  // Warm-up: short fits let the JIT compile both losses' hot loops before the timed ones.
  await timeFit(X, regression, 10);
  await timeFit(X, binary, 10);
  const reg = await timeFit(X, regression);
  const bin = await timeFit(X, binary);
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return {
    shape: `${ROWS} x ${COLS}, ${ITERATIONS} iterations, 31 leaves, 255 bins`,
    regression_seconds: round(reg.seconds, 3),
    regression_cells_per_second: Math.round(cells / reg.seconds),
    regression_train_mse: round(reg.trainLoss, 4),
    binary_seconds: round(bin.seconds, 3),
    binary_cells_per_second: Math.round(cells / bin.seconds),
    binary_train_log_loss: round(bin.trainLoss, 4),
    goal_cells_per_second: 30_000_000,
  };
}
