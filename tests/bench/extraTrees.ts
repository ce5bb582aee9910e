import { loadavg } from "node:os";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { ExtraTrees } from "../../src/core/models/extraTrees/extraTrees.ts";
import { makeRng } from "../../src/core/random.ts";
import { runPeer } from "./peer.ts";
import type { BenchRow } from "./table.ts";

/**
 * Extra trees per tree beside scikit-learn's ExtraTreesClassifier on a seeded 10,000 x 20 table
 * (binary label from a few columns, an interaction and noise): same tree count, unlimited depth,
 * max_features sqrt, one thread. CPU time (process time on both sides), the two taking turns
 * three times, best of each, so a loaded machine slows them alike; the 1-minute load is printed.
 */
const COLS = 20;
const TREES = 50;

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

/** CPU and wall ms per tree of one fit. */
export async function fitExtraTrees(X: Matrix, y: Target, trees: number) {
  const model = new ExtraTrees({ n_estimators: trees });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await model.fit(X, y, { seed: 0 });
  const c = process.cpuUsage(c0);
  return { ms: (performance.now() - t0) / trees, cpu: (c.user + c.system) / 1000 / trees };
}

const PEER_EXTRA_TREES = `
import sys, time, json
import numpy as np
from sklearn.ensemble import ExtraTreesClassifier
rows, trees = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(0)
X = rng.standard_normal((rows, 20))
y = (2 * X[:, 0] - X[:, 1] + np.sin(2 * X[:, 2]) + X[:, 3] * X[:, 4] + rng.standard_normal(rows) > 0).astype(int)
t0, c0 = time.perf_counter(), time.process_time()
ExtraTreesClassifier(n_estimators=trees, max_features="sqrt", random_state=0, n_jobs=1).fit(X, y)
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000 / trees, "cpu": (time.process_time() - c0) * 1000 / trees}))
`;

export async function benchExtraTrees(): Promise<BenchRow[]> {
  const rows = 10_000;
  const { X, y } = dataset(rows, 42);
  await fitExtraTrees(X, y, 5); // warm-up: JIT
  const best = { ours: Number.POSITIVE_INFINITY, peer: Number.POSITIVE_INFINITY };
  const cpu = { ...best };
  for (let i = 0; i < 3; i++) {
    const a = await fitExtraTrees(X, y, TREES);
    const p = runPeer<{ ms: number; cpu: number }>(PEER_EXTRA_TREES, [String(rows), String(TREES)]);
    best.ours = Math.min(best.ours, a.ms);
    cpu.ours = Math.min(cpu.ours, a.cpu);
    if (p) {
      best.peer = Math.min(best.peer, p.ms);
      cpu.peer = Math.min(cpu.peer, p.cpu);
    }
  }
  const shape = `${rows.toLocaleString("en")} x ${COLS}, ${TREES} trees`;
  return [
    {
      measure: `${shape}, ours`,
      value: cpu.ours.toFixed(2),
      unit: "CPU ms/tree",
      note: `${(cpu.ours / cpu.peer).toFixed(2)}x scikit-learn's CPU; wall ${best.ours.toFixed(2)} ms (${(best.ours / best.peer).toFixed(2)}x)`,
    },
    {
      measure: `${shape}, scikit-learn ExtraTreesClassifier`,
      value: cpu.peer.toFixed(2),
      unit: "CPU ms/tree",
      note: `wall ${best.peer.toFixed(2)} ms; n_jobs=1, max_features sqrt, no depth limit`,
    },
    {
      measure: "load after",
      value: loadavg()[0].toFixed(2),
      unit: "",
      note: "1-minute load average, 2 cores",
    },
  ];
}
