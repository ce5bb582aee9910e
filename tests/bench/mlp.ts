import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { logLoss } from "../../src/core/eval/logLoss.ts";
import { rocAuc } from "../../src/core/eval/rocAuc.ts";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { Mlp } from "../../src/core/models/mlp/mlp.ts";
import type { InputLayout } from "../../src/core/models/mlp/trainDense.ts";
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
 *   n_iter_no_change 10 theirs on held-out accuracy), up to 200 epochs, for three seeds (ours' fit
 *   seed, their random_state; the same training rows): seconds, epochs, and what the epochs bought,
 *   ROC AUC and log loss on 20,000 fresh rows of the same law. The two rules stop at different
 *   epochs, so a whole-fit ratio alone says little: at 10,000 rows our loss keeps falling past the
 *   plateau where held-out accuracy stalls, on some seeds, and the extra epochs buy ~0.01 of AUC.
 * - One-hot rows (lending_club-like model input, ~81% zeros), per epoch: ours with the sparse
 *   first layer that "auto" picks there and with the dense products forced (same weights).
 * Per epoch, each side takes turns, best of three (tfjs: one); whole fits one turn per seed; a
 * warm-up fit of ours first (JIT); a garbage collection before each of our fits, so that one fit's
 * garbage is not charged to the next. CPU time beside wall time; the 1-minute load average at the end.
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

/** Numeric columns and categorical levels of the one-hot case, shaped like lending_club's model input. */
const ONE_HOT = { numeric: 17, levels: [2, 35, 50, 3, 12] };

/**
 * Rows like a recipe's output for lending_club: 17 standardised numeric columns and five
 * categorical ones one-hot encoded (102 columns), ~81% zeros; the label from two numeric columns,
 * two categories' levels and noise.
 */
function oneHotDataset(rows: number, seed: number): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const cols = ONE_HOT.numeric + ONE_HOT.levels.reduce((a, b) => a + b, 0);
  const data = new Float64Array(rows * cols);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < ONE_HOT.numeric; c++) data[o + c] = normal();
    let at = o + ONE_HOT.numeric;
    let signal = data[o] - 0.5 * data[o + 1] + normal();
    for (const [b, levels] of ONE_HOT.levels.entries()) {
      const level = Math.floor(rng.next() ** 1.5 * levels);
      data[at + level] = 1;
      if (b === 1) signal += (level % 5) / 2 - 1;
      if (b === 2) signal += level < 10 ? 0.8 : 0;
      at += levels;
    }
    values[r] = signal > 0.5 ? 1 : 0;
  }
  const names = Array.from({ length: cols }, (_, c) => `x${c}`);
  return { X: { data, rows, cols, names }, y: { values, classes: ["no", "yes"] } };
}

/**
 * The same law in NumPy, per epoch only; dense rows, as the ladder bench's peer pipeline gives
 * them (OneHotEncoder sparse_output=False). CSR input measured about the same (load 12).
 */
const PEER_ONE_HOT = `
import sys, time, json, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier
warnings.filterwarnings("ignore")
rows, epochs = int(sys.argv[1]), int(sys.argv[2])
numeric, levels = ${ONE_HOT.numeric}, ${JSON.stringify(ONE_HOT.levels)}
rng = np.random.default_rng(0)
num = rng.standard_normal((rows, numeric))
blocks, signal = [], num[:, 0] - 0.5 * num[:, 1] + rng.standard_normal(rows)
for b, k in enumerate(levels):
    level = np.floor(rng.random(rows) ** 1.5 * k).astype(int)
    blocks.append(np.eye(k)[level])
    if b == 1: signal += (level % 5) / 2 - 1
    if b == 2: signal += np.where(level < 10, 0.8, 0)
X = np.hstack([num] + blocks)
y = (signal > 0.5).astype(int)
t0, c0 = time.perf_counter(), time.process_time()
m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=256, max_iter=epochs, early_stopping=True,
                  n_iter_no_change=10**6, random_state=0).fit(X, y)
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "cpu": (time.process_time() - c0) * 1000, "epochs": m.n_iter_}))
`;

/**
 * Per epoch on the one-hot rows (patience off, 20 epochs): ours with the sparse first layer (what
 * "auto" picks there), ours with the dense products forced (the same weights), and the peer.
 * Best of three turns each.
 */
async function oneHotPerEpoch(): Promise<BenchRow[]> {
  const rows = 10_000;
  const epochs = 20;
  const { X, y } = oneHotDataset(rows, 7);
  const shape = `${rows.toLocaleString("en")} x ${X.cols} one-hot (lending_club-like)`;
  await ours(X, y, "auto", 3);
  await ours(X, y, "auto", 3, 0, undefined, "dense");
  const best = new Map<string, Timing>();
  const keep = (key: string, t: Timing | undefined) => {
    if (!t) return;
    const was = best.get(key);
    best.set(key, was ? { ...t, ms: Math.min(was.ms, t.ms), cpu: Math.min(was.cpu, t.cpu) } : t);
  };
  for (let i = 0; i < 3; i++) {
    keep("sparse", await ours(X, y, "auto", epochs));
    keep("dense", await ours(X, y, "auto", epochs, 0, undefined, "dense"));
    const peer = runPeer<Omit<Timing, "loss">>(PEER_ONE_HOT, [String(rows), String(epochs)]);
    keep("peer", peer && { ...peer, loss: Number.NaN });
  }
  const peer = best.get("peer");
  const [pms, pcpu] = peer ? [peer.ms / peer.epochs, peer.cpu / peer.epochs] : [Number.NaN, Number.NaN];
  const ratio = (a: number, b: number) => (Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : "n/a");
  const out: BenchRow[] = [];
  for (const [key, label] of [
    ["sparse", "ours (sparse first layer, as auto picks)"],
    ["dense", "ours (dense products forced; same weights)"],
  ] as const) {
    const t = best.get(key)!;
    const [ms, cpu] = [t.ms / t.epochs, t.cpu / t.epochs];
    out.push({
      measure: `${shape}, per epoch, ${label}`,
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
  return out;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

type Trainer = "auto" | "js" | "tfjs";

/**
 * One fit: wall and CPU ms in all, epochs run, last held-out loss; with test rows, the fitted
 * model's ROC AUC and log loss on them.
 */
interface Timing {
  ms: number;
  cpu: number;
  epochs: number;
  loss: number;
  auc?: number;
  logLoss?: number;
}

/** Fresh rows for the whole fit's quality: the same law, a seed the training rows never use. */
const TEST_ROWS = 20_000;

async function ours(
  X: Matrix,
  y: Target,
  trainer: Trainer,
  epochs: number | null,
  seed = 0,
  test?: { X: Matrix; y: Target },
  layout: InputLayout = "auto",
): Promise<Timing> {
  const model = new Mlp(epochs === null ? {} : { max_epochs: epochs, patience: 10_000 });
  model.trainer = trainer;
  model.inputLayout = layout;
  gc();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await model.fit(X, y, { seed });
  const c = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const s = model.toJSON().state;
  const quality = test && {
    auc: rocAuc(test.y.values, model.predictProba(test.X), 2),
    logLoss: logLoss(test.y.values, model.predictProba(test.X), 2),
  };
  return {
    ms,
    cpu: (c.user + c.system) / 1000,
    epochs: s.n_epochs,
    loss: s.validation_loss?.at(-1) ?? Number.NaN,
    ...quality,
  };
}

const PEER_MLP = `
import sys, time, json, warnings
import numpy as np
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.neural_network import MLPClassifier
warnings.filterwarnings("ignore")
rows, epochs, seed, test_rows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def draw(rows, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((rows, 20))
    y = (2 * X[:, 0] - X[:, 1] + np.sin(2 * X[:, 2]) + X[:, 3] * X[:, 4] + rng.standard_normal(rows) > 0).astype(int)
    return X, y
X, y = draw(rows, 0)
t0, c0 = time.perf_counter(), time.process_time()
m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=256, max_iter=epochs if epochs > 0 else 200,
                  early_stopping=True, n_iter_no_change=10**6 if epochs > 0 else 10, random_state=seed).fit(X, y)
out = {"ms": (time.perf_counter() - t0) * 1000, "cpu": (time.process_time() - c0) * 1000, "epochs": m.n_iter_}
if test_rows > 0:
    Xt, yt = draw(test_rows, 1)
    p = m.predict_proba(Xt)
    out.update(auc=roc_auc_score(yt, p[:, 1]), logLoss=log_loss(yt, p))
print(json.dumps(out))
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
    const peer = runPeer<Omit<Timing, "loss">>(PEER_MLP, [String(rows), String(epochs ?? 0), "0", "0"]);
    keep("peer", peer && { ...peer, loss: Number.NaN });
  }
  return best;
}

/**
 * Whole fits with early stopping, one turn per seed each side: per seed our CPU seconds beside
 * theirs, the epochs each rule ran and the test rows' ROC AUC and log loss; then the seeds' sums.
 */
async function wholeFits(
  rows: number,
  X: Matrix,
  y: Target,
  test: { X: Matrix; y: Target },
): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const shape = `${rows.toLocaleString("en")} x ${COLS}`;
  const f2 = (v: number | undefined) => (v === undefined ? "n/a" : (v / 1000).toFixed(2));
  const f4 = (v: number | undefined) => (v === undefined ? "n/a" : v.toFixed(4));
  const sum = { ms: 0, cpu: 0, pms: 0, pcpu: 0, peerOk: true };
  for (const seed of WHOLE_SEEDS) {
    const a = await ours(X, y, "auto", null, seed, test);
    const p = runPeer<Omit<Timing, "loss">>(PEER_MLP, [String(rows), "0", String(seed), String(TEST_ROWS)]);
    sum.ms += a.ms;
    sum.cpu += a.cpu;
    if (p) {
      sum.pms += p.ms;
      sum.pcpu += p.cpu;
    } else sum.peerOk = false;
    out.push({
      measure: `${shape}, whole fit (early stopping), seed ${seed}, ours / scikit-learn`,
      value: `${f2(a.cpu)} / ${f2(p?.cpu)}`,
      unit: "s CPU",
      note: `${p ? `${(a.cpu / p.cpu).toFixed(2)}x CPU, wall ${f2(a.ms)} / ${f2(p.ms)} s; ` : ""}epochs ${a.epochs} / ${p?.epochs ?? "n/a"}; test ROC AUC ${f4(a.auc)} / ${f4(p?.auc)}, log loss ${f4(a.logLoss)} / ${f4(p?.logLoss)}`,
    });
  }
  out.push({
    measure: `${shape}, whole fit (early stopping), ${WHOLE_SEEDS.length} seeds, ours / scikit-learn`,
    value: `${f2(sum.cpu)} / ${sum.peerOk ? f2(sum.pcpu) : "n/a"}`,
    unit: "s CPU",
    note: sum.peerOk
      ? `${(sum.cpu / sum.pcpu).toFixed(2)}x CPU; wall ${f2(sum.ms)} / ${f2(sum.pms)} s (${(sum.ms / sum.pms).toFixed(2)}x)`
      : "no peer",
  });
  return out;
}

const WHOLE_SEEDS = [0, 1, 2];

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
    out.push(...(await wholeFits(rows, X, y, dataset(TEST_ROWS, 4242))));
  }
  out.push(...(await oneHotPerEpoch()));
  out.push({
    measure: "load after",
    value: loadavg()[0].toFixed(2),
    unit: "",
    note: "1-minute load average, 2 cores",
  });
  return out;
}
