import { loadavg } from "node:os";
import { DecisionTree } from "../../src/core/models/decisionTree/decisionTree.ts";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { ExtraTrees } from "../../src/core/models/extraTrees/extraTrees.ts";
import { RandomForest } from "../../src/core/models/randomForest/randomForest.ts";
import { makeRng } from "../../src/core/random.ts";
import { runPeer } from "./peer.ts";
import type { BenchRow } from "./table.ts";

/**
 * The CART families per tree beside scikit-learn 1.2 on a seeded 10,000 x 20 table (a label or a
 * value from a few columns, an interaction and noise): extra trees (classifier, sqrt features;
 * regressor, all features), the random forest (classifier, sqrt features, bootstrap; no OOB score
 * on either side) and a single decision tree, each with the peer's defaults, unlimited depth, one
 * thread. CPU time (process time on both sides), the two taking turns three times, best of each,
 * so a loaded machine slows them alike; the 1-minute load is printed.
 */
const COLS = 20;
const ROWS = 10_000;

interface Case {
  /** Our model and its params (the peer's defaults where they differ from ours). */
  make: () => { fit(X: Matrix, y: Target, opts: { seed: number }): unknown };
  regression: boolean;
  /** Trees per fit: the figure is per tree. */
  trees: number;
  /** Fits per measure (several for a single tree, whose fit is short). */
  fits: number;
  /** The scikit-learn estimator, constructed in the peer script. */
  peer: string;
  label: string;
}

const CASES: Case[] = [
  {
    label: "extra trees, classifier, 50 trees",
    make: () => new ExtraTrees({ n_estimators: 50 }),
    regression: false,
    trees: 50,
    fits: 1,
    peer: 'ExtraTreesClassifier(n_estimators=trees, max_features="sqrt", random_state=0, n_jobs=1)',
  },
  {
    label: "extra trees, regressor, 10 trees",
    make: () => new ExtraTrees({ n_estimators: 10 }),
    regression: true,
    trees: 10,
    fits: 1,
    peer: "ExtraTreesRegressor(n_estimators=trees, max_features=1.0, random_state=0, n_jobs=1)",
  },
  {
    label: "random forest, classifier, 50 trees",
    make: () => new RandomForest({ n_estimators: 50, oob_score: false }),
    regression: false,
    trees: 50,
    fits: 1,
    peer: 'RandomForestClassifier(n_estimators=trees, max_features="sqrt", random_state=0, n_jobs=1)',
  },
  {
    label: "decision tree, classifier, 10 fits",
    make: () => new DecisionTree({}),
    regression: false,
    trees: 1,
    fits: 10,
    peer: "DecisionTreeClassifier(random_state=0)",
  },
  {
    label: "decision tree, regressor, 10 fits",
    make: () => new DecisionTree({}),
    regression: true,
    trees: 1,
    fits: 10,
    peer: "DecisionTreeRegressor(random_state=0)",
  },
];

function dataset(rows: number, seed: number, regression: boolean): { X: Matrix; y: Target } {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const data = new Float64Array(rows * COLS);
  for (let i = 0; i < data.length; i++) data[i] = normal();
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = (c: number) => data[r * COLS + c];
    const v = 2 * x(0) - x(1) + Math.sin(2 * x(2)) + x(3) * x(4) + normal();
    values[r] = regression ? v : v > 0 ? 1 : 0;
  }
  const names = Array.from({ length: COLS }, (_, c) => `x${c}`);
  return {
    X: { data, rows, cols: COLS, names },
    y: regression ? { values } : { values, classes: ["no", "yes"] },
  };
}

/** CPU and wall ms per tree over the case's fits. */
function fitOurs(c: Case, X: Matrix, y: Target) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < c.fits; i++) c.make().fit(X, y, { seed: i });
  const used = process.cpuUsage(c0);
  const trees = c.fits * c.trees;
  return { ms: (performance.now() - t0) / trees, cpu: (used.user + used.system) / 1000 / trees };
}

const PEER = `
import sys, time, json
import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
rows, trees, fits, regression, make = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5]
rng = np.random.default_rng(0)
X = rng.standard_normal((rows, 20))
v = 2 * X[:, 0] - X[:, 1] + np.sin(2 * X[:, 2]) + X[:, 3] * X[:, 4] + rng.standard_normal(rows)
y = v if regression else (v > 0).astype(int)
t0, c0 = time.perf_counter(), time.process_time()
for i in range(fits):
    eval(make).fit(X, y)
n = fits * trees
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000 / n, "cpu": (time.process_time() - c0) * 1000 / n}))
`;

export async function benchExtraTrees(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const c of CASES) {
    const { X, y } = dataset(ROWS, 42, c.regression);
    c.make().fit(X, y, { seed: 99 }); // warm-up: JIT
    const wall = { ours: Number.POSITIVE_INFINITY, peer: Number.POSITIVE_INFINITY };
    const cpu = { ...wall };
    for (let i = 0; i < 3; i++) {
      const a = fitOurs(c, X, y);
      const p = runPeer<{ ms: number; cpu: number }>(PEER, [
        String(ROWS),
        String(c.trees),
        String(c.fits),
        c.regression ? "1" : "0",
        c.peer,
      ]);
      wall.ours = Math.min(wall.ours, a.ms);
      cpu.ours = Math.min(cpu.ours, a.cpu);
      if (p) {
        wall.peer = Math.min(wall.peer, p.ms);
        cpu.peer = Math.min(cpu.peer, p.cpu);
      }
    }
    const unit = "CPU ms/tree";
    out.push(
      {
        measure: `${c.label}, ours`,
        value: cpu.ours.toFixed(2),
        unit,
        note: `${(cpu.ours / cpu.peer).toFixed(2)}x scikit-learn's CPU; wall ${wall.ours.toFixed(2)} ms (${(wall.ours / wall.peer).toFixed(2)}x)`,
      },
      {
        measure: `${c.label}, scikit-learn`,
        value: cpu.peer.toFixed(2),
        unit,
        note: `wall ${wall.peer.toFixed(2)} ms; ${c.peer.replace("trees", String(c.trees))}`,
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
