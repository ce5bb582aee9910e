import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { Mlp } from "../../src/core/models/mlp/mlp.ts";
import { makeRng } from "../../src/core/random.ts";
import { runPeer } from "./peer.ts";
import type { BenchRow } from "./table.ts";

/**
 * Neural-network training time beside scikit-learn's MLPClassifier, at 10,000 and 100,000 rows x
 * 20 standardised columns (binary label from a few columns and an interaction), default
 * architecture both sides (64-32 relu, batch 256, Adam 1e-3, alpha 1e-4, 10% held out for early
 * stopping; dropout 0.1 ours, none theirs); the peer with one BLAS thread.
 * - Per epoch: patience off, so that every run does the same epochs (20 at 10k rows, 3 at 100k);
 *   the whole fit's time over its epochs, set-up included, both sides. Ours trained in typed arrays
 *   with the WebAssembly SIMD kernels (what CPU backends use), with their JS twins (hosts without
 *   SIMD; the same weights), and by tfjs on its WASM backend (what a GPU-less tfjs would give).
 * - Whole fit: the defaults, early stopping on (patience 10 ours on the held-out loss,
 *   n_iter_no_change 10 theirs on held-out accuracy), up to 200 epochs: seconds and epochs.
 * Each side takes turns, best of three (tfjs: one), after a warm-up fit of ours (JIT); a garbage collection
 * before each of our fits, so that one fit's garbage is not charged to the next. CPU time beside
 * wall time; the 1-minute load average at the end.
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

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

type Trainer = "auto" | "js" | "tfjs";

/** One fit: wall and CPU ms in all and per epoch, epochs run, last held-out loss. */
interface Timing {
  ms: number;
  cpu: number;
  epochs: number;
  loss: number;
}

async function ours(X: Matrix, y: Target, trainer: Trainer, epochs: number | null): Promise<Timing> {
  const model = new Mlp(epochs === null ? {} : { max_epochs: epochs, patience: 10_000 });
  model.trainer = trainer;
  gc();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await model.fit(X, y, { seed: 0 });
  const c = process.cpuUsage(c0);
  const s = model.toJSON().state;
  return {
    ms: performance.now() - t0,
    cpu: (c.user + c.system) / 1000,
    epochs: s.n_epochs,
    loss: s.validation_loss?.at(-1) ?? Number.NaN,
  };
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
m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=256, max_iter=epochs if epochs > 0 else 200,
                  early_stopping=True, n_iter_no_change=10**6 if epochs > 0 else 10, random_state=0).fit(X, y)
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "cpu": (time.process_time() - c0) * 1000,
                  "epochs": m.n_iter_}))
`;

/** The least wall and least CPU time of three turns per contender (tfjs: one), taking turns. */
async function turns(
  rows: number,
  epochs: number | null,
  X: Matrix,
  y: Target,
  trainers: Trainer[],
): Promise<Map<Trainer | "peer", Timing>> {
  const best = new Map<Trainer | "peer", Timing>();
  const keep = (key: Trainer | "peer", t: Timing | undefined) => {
    if (!t) return;
    const was = best.get(key);
    best.set(key, was ? { ...t, ms: Math.min(was.ms, t.ms), cpu: Math.min(was.cpu, t.cpu) } : t);
  };
  for (let i = 0; i < 3; i++) {
    // tfjs is far behind and slow to run: one turn is enough to place it.
    for (const trainer of trainers)
      if (trainer !== "tfjs" || i === 0) keep(trainer, await ours(X, y, trainer, epochs));
    const peer = runPeer<Omit<Timing, "loss">>(PEER_MLP, [String(rows), String(epochs ?? 0)]);
    keep("peer", peer && { ...peer, loss: Number.NaN });
  }
  return best;
}

const LABEL: Record<Trainer, string> = {
  auto: "ours (WASM SIMD kernels)",
  js: "ours (JS kernels)",
  tfjs: "ours (tfjs WASM backend)",
};

export async function benchMlp(): Promise<BenchRow[]> {
  tf.enableProdMode();
  await tf.setBackend("wasm");
  await tf.ready();
  const out: BenchRow[] = [];
  const ratio = (a: number, b: number) => (Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : "n/a");
  for (const [rows, epochs] of [
    [10_000, 20],
    [100_000, 3],
  ] as const) {
    const { X, y } = dataset(rows, 42);
    const shape = `${rows.toLocaleString("en")} x ${COLS}`;
    await ours(X, y, "auto", 3); // warm-up: JIT and WebAssembly tier-up
    await ours(X, y, "js", 3);
    const perEpoch = await turns(rows, epochs, X, y, ["auto", "js", "tfjs"]);
    const peer = perEpoch.get("peer");
    const [pms, pcpu] = peer ? [peer.ms / peer.epochs, peer.cpu / peer.epochs] : [Number.NaN, Number.NaN];
    for (const trainer of ["auto", "js", "tfjs"] as const) {
      const t = perEpoch.get(trainer)!;
      const [ms, cpu] = [t.ms / t.epochs, t.cpu / t.epochs];
      out.push({
        measure: `${shape}, per epoch, ${LABEL[trainer]}`,
        value: ms.toFixed(1),
        unit: "ms",
        note: `${ratio(ms, pms)} scikit-learn; CPU ${cpu.toFixed(1)} ms (${ratio(cpu, pcpu)}); held-out loss ${t.loss.toFixed(4)} after ${t.epochs} epochs`,
      });
    }
    out.push({
      measure: `${shape}, per epoch, scikit-learn MLPClassifier`,
      value: pms.toFixed(1),
      unit: "ms",
      note: `CPU ${pcpu.toFixed(1)} ms`,
    });
    const whole = await turns(rows, null, X, y, ["auto"]);
    const [a, p] = [whole.get("auto")!, whole.get("peer")];
    out.push(
      {
        measure: `${shape}, whole fit (early stopping), ${LABEL.auto}`,
        value: (a.ms / 1000).toFixed(2),
        unit: "s",
        note: `${ratio(a.ms, p?.ms ?? Number.NaN)} scikit-learn; CPU ${(a.cpu / 1000).toFixed(2)} s (${ratio(a.cpu, p?.cpu ?? Number.NaN)}); ${a.epochs} epochs, ${(a.cpu / a.epochs).toFixed(1)} ms CPU each`,
      },
      {
        measure: `${shape}, whole fit (early stopping), scikit-learn`,
        value: p ? (p.ms / 1000).toFixed(2) : "n/a",
        unit: "s",
        note: p
          ? `CPU ${(p.cpu / 1000).toFixed(2)} s; ${p.epochs} epochs, ${(p.cpu / p.epochs).toFixed(1)} ms CPU each`
          : "",
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
