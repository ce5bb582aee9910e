import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { loadavg } from "node:os";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { Mlp } from "../../src/core/models/mlp/mlp.ts";
import { makeRng } from "../../src/core/random.ts";
import { runPeer } from "./peer.ts";
import type { BenchRow } from "./table.ts";

/**
 * Neural-network training time per epoch beside scikit-learn's MLPClassifier, at 10,000 and
 * 100,000 rows x 20 standardised columns (binary label from a few columns and an interaction):
 * the default architecture (64-32 relu, dropout 0.1 ours, batch 256, Adam 1e-3, 10% held out for
 * early stopping, patience off so that every run does the same number of epochs). Ours trained in
 * typed arrays (`trainDense`, what CPU backends use) and by tfjs on the WASM backend; the peer
 * with hidden_layer_sizes (64, 32), batch 256, early_stopping, one BLAS thread. The three take
 * turns, best of two each, so a loaded machine slows them alike; the 1-minute load is printed.
 */
const COLS = 20;

function dataset(rows: number, seed: number): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const data = new Float64Array(rows * COLS);
  for (let i = 0; i < data.length; i++) data[i] = normal();
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = (c: number) => data[r * COLS + c];
    values[r] = 2 * x(0) - x(1) + Math.sin(2 * x(2)) + x(3) * x(4) + normal() > 0 ? 1 : 0;
  }
  const names = Array.from({ length: COLS }, (_, c) => `x${c}`);
  return { X: { data, rows, cols: COLS, names }, y: { values, classes: ["no", "yes"] } };
}

async function ours(X: Matrix, y: Target, epochs: number, trainer: "auto" | "tfjs") {
  const model = new Mlp({ max_epochs: epochs, patience: 10_000 });
  model.trainer = trainer;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await model.fit(X, y, { seed: 0 });
  const c = process.cpuUsage(c0);
  const ms = (performance.now() - t0) / epochs;
  const s = model.toJSON().state;
  return { ms, cpu: (c.user + c.system) / 1000 / epochs, loss: s.validation_loss?.at(-1) ?? Number.NaN };
}

const PEER_MLP = `
import sys, time, json, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier
warnings.filterwarnings("ignore")
rows, epochs = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(0)
X = rng.standard_normal((rows, 20))
y = (2 * X[:, 0] - X[:, 1] + np.sin(2 * X[:, 2]) + X[:, 3] * X[:, 4] + rng.standard_normal(rows) > 0).astype(int)
t0, c0 = time.perf_counter(), time.process_time()
m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=256, max_iter=epochs, early_stopping=True,
                  n_iter_no_change=10**6, random_state=0).fit(X, y)
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000 / m.n_iter_, "cpu": (time.process_time() - c0) * 1000 / m.n_iter_}))
`;

export async function benchMlp(): Promise<BenchRow[]> {
  tf.enableProdMode();
  await tf.setBackend("wasm");
  await tf.ready();
  const out: BenchRow[] = [];
  for (const [rows, epochs] of [
    [10_000, 10],
    [100_000, 3],
  ] as const) {
    const { X, y } = dataset(rows, 42);
    await ours(X, y, 1, "auto"); // warm-up: JIT
    const best = {
      js: Number.POSITIVE_INFINITY,
      tfjs: Number.POSITIVE_INFINITY,
      peer: Number.POSITIVE_INFINITY,
    };
    const cpu = { ...best };
    let loss = { js: 0, tfjs: 0 };
    for (let i = 0; i < 2; i++) {
      const a = await ours(X, y, epochs, "auto");
      const b = await ours(X, y, epochs, "tfjs");
      const p = runPeer<{ ms: number; cpu: number }>(PEER_MLP, [String(rows), String(epochs)]);
      best.js = Math.min(best.js, a.ms);
      best.tfjs = Math.min(best.tfjs, b.ms);
      cpu.js = Math.min(cpu.js, a.cpu);
      cpu.tfjs = Math.min(cpu.tfjs, b.cpu);
      if (p) {
        best.peer = Math.min(best.peer, p.ms);
        cpu.peer = Math.min(cpu.peer, p.cpu);
      }
      loss = { js: a.loss, tfjs: b.loss };
    }
    const shape = `${rows.toLocaleString("en")} x ${COLS}`;
    const peer = Number.isFinite(best.peer) ? best.peer : Number.NaN;
    out.push(
      {
        measure: `${shape}, ours (typed arrays)`,
        value: best.js.toFixed(0),
        unit: "ms/epoch",
        note: `${(best.js / peer).toFixed(2)}x scikit-learn; CPU ${cpu.js.toFixed(0)} ms (${(cpu.js / cpu.peer).toFixed(2)}x); held-out loss ${loss.js.toFixed(4)} after ${epochs} epochs`,
      },
      {
        measure: `${shape}, ours (tfjs wasm)`,
        value: best.tfjs.toFixed(0),
        unit: "ms/epoch",
        note: `${(best.tfjs / peer).toFixed(2)}x scikit-learn; CPU ${cpu.tfjs.toFixed(0)} ms (${(cpu.tfjs / cpu.peer).toFixed(2)}x); held-out loss ${loss.tfjs.toFixed(4)}`,
      },
      {
        measure: `${shape}, scikit-learn MLPClassifier`,
        value: peer.toFixed(0),
        unit: "ms/epoch",
        note: "one BLAS thread",
      },
    );
  }
  out.push({
    measure: "load after",
    value: loadavg()[0].toFixed(2),
    unit: "",
    note: "1-minute load average, 2 cores",
  });
  return out;
}
