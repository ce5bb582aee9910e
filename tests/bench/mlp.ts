import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { Mlp } from "../../src/core/models/mlp/mlp.ts";
import { makeRng } from "../../src/core/random.ts";

/**
 * Neural-network training speed per tfjs backend available in Node (cpu and wasm; webgl and
 * webgpu need a browser): the default architecture (64-32 relu, dropout 0.1, batch 256, Adam) on
 * seeded 20,000 x 20 standardised data, early stopping off, a few full epochs after a warm-up.
 */
const ROWS = 20_000;
const COLS = 20;
const EPOCHS = 3;
const BACKENDS = ["cpu", "wasm"] as const;

/** Standard normal features; y = a smooth function of the first five plus noise. */
function dataset(seed: number): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const data = new Float32Array(ROWS * COLS);
  for (let i = 0; i < data.length; i++) data[i] = normal();
  const values = new Float64Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const x = (c: number) => data[r * COLS + c];
    values[r] = 2 * x(0) - x(1) + Math.sin(2 * x(2)) + x(3) * x(4) + 0.1 * normal();
  }
  const names = Array.from({ length: COLS }, (_, c) => `x${c}`);
  return { X: { data, rows: ROWS, cols: COLS, names }, y: { values } };
}

async function timeEpochs(X: Matrix, y: Target, epochs: number): Promise<{ ms: number; loss: number }> {
  const model = new Mlp({ max_epochs: epochs, early_stopping: false });
  const t0 = performance.now();
  await model.fit(X, y, { seed: 0 });
  const ms = performance.now() - t0;
  const losses = model.toJSON().state.train_loss;
  return { ms, loss: losses[losses.length - 1] };
}

export async function benchMlp(): Promise<Record<string, string | number>> {
  const { X, y } = dataset(42);
  await tf.ready();
  const previous = tf.getBackend();
  const out: Record<string, string | number> = {
    shape: `${ROWS} x ${COLS}, 64-32 relu, dropout 0.1, batch 256, ${EPOCHS} epochs`,
  };
  try {
    for (const backend of BACKENDS) {
      if (!(await tf.setBackend(backend))) {
        out[`${backend}_ms_per_epoch`] = "unavailable";
        continue;
      }
      await tf.ready();
      await timeEpochs(X, y, 1); // warm-up: kernels, JIT, wasm compilation
      const { ms, loss } = await timeEpochs(X, y, EPOCHS);
      out[`${backend}_ms_per_epoch`] = Math.round(ms / EPOCHS);
      out[`${backend}_rows_per_second`] = Math.round((ROWS * EPOCHS) / (ms / 1000));
      out[`${backend}_train_mse_standardised`] = Number(loss.toFixed(4));
    }
  } finally {
    await tf.setBackend(previous);
  }
  out.not_in_node = "webgl, webgpu (browser only)";
  return out;
}
