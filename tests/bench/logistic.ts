import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type FoldJob, foldJobs } from "../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../src/core/automl/ladder/ladderPlan.ts";
import { matrixOf } from "../../src/core/automl/ladder/predictIn.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { rocAuc } from "../../src/core/eval/rocAuc.ts";
import type { Matrix, Target } from "../../src/core/models/estimator.ts";
import { lbfgs } from "../../src/core/models/logistic/lbfgs.ts";
import { makeLogisticObjective } from "../../src/core/models/logistic/logisticLoss.ts";
import { LogisticRegression } from "../../src/core/models/logistic/logisticRegression.ts";
import { LOGISTIC_META } from "../../src/core/models/logistic/meta.ts";
import { getModel, type ModelId } from "../../src/core/models/registry.ts";
import { fitRecipe } from "../../src/core/pipeline/fitRecipe.ts";
import { recipeForModel } from "../../src/core/pipeline/recipeForModel.ts";
import { toMatrix } from "../../src/core/pipeline/toMatrix.ts";
import { takeFrameRows } from "../../src/core/prep/columns.ts";
import { encodeTarget } from "../../src/core/prep/targetValues.ts";
import { runPeer } from "./peer.ts";
import { lendingClubLike, type PeerTable, waChurnLike } from "./peerTables.ts";
import type { BenchRow } from "./table.ts";

/** One ladder fold's matrices, as runFoldJob builds them for a model. */
export interface FoldMatrices {
  job: FoldJob;
  train: Matrix;
  y: Target;
  valid: Matrix;
  /** Validation labels as class indices of the fitted target. */
  yValid: Float64Array;
}

/**
 * The ladder's first cross-validation fold of `table` (5 folds, seed 0, the default recipe) as
 * the model `model` sees it: the recipe fitted on the fold's training rows, both parts through it.
 */
export async function ladderFold(table: PeerTable, model: ModelId): Promise<FoldMatrices> {
  const dir = mkdtempSync(join(tmpdir(), "fold-"));
  try {
    const file = join(dir, `${table.name}.csv`);
    writeFileSync(file, table.csv);
    const frame = (await readCsv(createReadStream(file), { totalBytes: statSync(file).size })).frame;
    const plan = planLadder(frame, { target: table.target, folds: 5, seed: 0 });
    const job = foldJobs(plan, model, {})[0];
    const fit = fitRecipe(recipeForModel(job.recipe, getModel(model)), takeFrameRows(frame, job.train), {
      target: job.target,
      task: job.task,
      seed: job.seed,
    });
    const validFrame = takeFrameRows(frame, job.validation);
    const targetCol = validFrame.columns.find((c) => c.name === job.target)!;
    return {
      job,
      train: toMatrix(fit.frame, { names: fit.fitted.features }),
      y: fit.y!,
      valid: matrixOf(fit.fitted, validFrame),
      yValid: encodeTarget(targetCol, job.task, fit.fitted.classes ?? undefined).values,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PEER_LOGISTIC = `
import sys, time, json, numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
path, n, m, p = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(path + ".x", dtype=np.float64).reshape(n, p)
y = np.fromfile(path + ".y", dtype=np.float64)
V = np.fromfile(path + ".vx", dtype=np.float64).reshape(m, p)
vy = np.fromfile(path + ".vy", dtype=np.float64)
t0, c0 = time.perf_counter(), time.process_time()
model = LogisticRegression(max_iter=1000).fit(X, y)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
auc = roc_auc_score(vy, model.predict_proba(V)[:, 1])
print(json.dumps({"seconds": seconds, "cpu": cpu, "iterations": int(model.n_iter_[0]), "auc": auc}))
`;

/** Wall and CPU seconds of `f`. */
function measure<T>(f: () => T): { value: T; seconds: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** Best (smallest) of each field over runs. */
const best = (runs: { seconds: number; cpu: number }[]) => ({
  seconds: Math.min(...runs.map((r) => r.seconds)),
  cpu: Math.min(...runs.map((r) => r.cpu)),
});

const REPEATS = 5;

/**
 * Logistic regression's fit on one ladder fold of the lending_club- and wa_churn-like tables (the
 * default recipe's matrix: standardised numbers, 0/1 one-hot columns), at the ladder's defaults,
 * beside scikit-learn 1.2's LogisticRegression(max_iter=1000) as the ladder bench's peer runs it
 * (L-BFGS, one BLAS thread) on the same matrix, taking turns, best of 5 each. Also ours through
 * the dense loop (every entry, zeros included) with the same optimiser, which must end at the
 * same coefficients bit for bit. ROC AUC on the fold's validation rows for both sides.
 */
export async function benchLogistic(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [
    {
      measure: "load before",
      value: loadavg()[0].toFixed(2),
      unit: "",
      note: "1-minute load average, 2 cores",
    },
  ];
  for (const table of [waChurnLike(), lendingClubLike()]) {
    const { train, y, valid, yValid } = await ladderFold(table, "logistic");
    const dir = mkdtempSync(join(tmpdir(), "logistic-peer-"));
    const file = join(dir, "fold");
    writeFileSync(`${file}.x`, Float64Array.from(train.data));
    writeFileSync(`${file}.y`, y.values);
    writeFileSync(`${file}.vx`, Float64Array.from(valid.data));
    writeFileSync(`${file}.vy`, yValid);
    const params = LOGISTIC_META.defaults;
    const ours: { seconds: number; cpu: number }[] = [];
    const dense: { seconds: number; cpu: number }[] = [];
    const peer: { seconds: number; cpu: number; iterations: number; auc: number }[] = [];
    let model: LogisticRegression | undefined;
    let same = true;
    try {
      for (let i = 0; i < REPEATS; i++) {
        const run = measure(() => new LogisticRegression(params).fit(train, y));
        model = run.value;
        ours.push(run);
        // The dense loop: the estimator's own objective and optimiser with zeros read as terms.
        const n = train.rows;
        const problem = {
          data: train.data,
          n,
          p: train.cols,
          y: y.values,
          w: new Float64Array(n).fill(1),
          k: 2,
        };
        const d = measure(() =>
          lbfgs(makeLogisticObjective(problem, 1 / (params.C * n), null), new Float64Array(train.cols + 1), {
            maxIter: params.max_iter,
            gtol: params.tol,
          }),
        );
        dense.push(d);
        const theta = model.toJSON().state.theta;
        same &&= d.value.x.every((v, j) => Object.is(v, theta[j]));
        const p = runPeer<{ seconds: number; cpu: number; iterations: number; auc: number }>(PEER_LOGISTIC, [
          file,
          String(train.rows),
          String(valid.rows),
          String(train.cols),
        ]);
        if (p) peer.push(p);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!same) throw new Error(`logistic bench: the sparse and dense loops disagree on ${table.name}`);
    const a = best(ours);
    const b = best(dense);
    const proba = model!.predictProba(valid);
    const auc = rocAuc(yValid, proba, 2);
    const { iterations } = model!.convergence!;
    const shape = `${table.name} fold 1 (${train.rows.toLocaleString("en")} x ${train.cols})`;
    let nonZero = 0;
    for (const v of train.data) if (v !== 0) nonZero++;
    rows.push(
      {
        measure: `${shape}, ours`,
        value: (a.cpu * 1000).toFixed(1),
        unit: "ms CPU",
        note: `wall ${(a.seconds * 1000).toFixed(1)} ms; ${iterations} iterations; ROC AUC ${auc.toFixed(4)}; ${((100 * nonZero) / train.data.length).toFixed(0)}% non-zero`,
      },
      {
        measure: `${shape}, ours, dense loop`,
        value: (b.cpu * 1000).toFixed(1),
        unit: "ms CPU",
        note: `wall ${(b.seconds * 1000).toFixed(1)} ms; same coefficients bit for bit`,
      },
    );
    if (peer.length > 0) {
      const c = best(peer);
      rows.push(
        {
          measure: `${shape}, scikit-learn`,
          value: (c.cpu * 1000).toFixed(1),
          unit: "ms CPU",
          note: `wall ${(c.seconds * 1000).toFixed(1)} ms; ${peer[0].iterations} iterations; ROC AUC ${peer[0].auc.toFixed(4)}`,
        },
        {
          measure: `${shape}, ours / scikit-learn`,
          value: (a.cpu / c.cpu).toFixed(2),
          unit: "x CPU",
          note: `wall ${(a.seconds / c.seconds).toFixed(2)}x; dense loop ${(b.cpu / c.cpu).toFixed(2)}x CPU`,
        },
      );
    }
  }
  rows.push({
    measure: "load after",
    value: loadavg()[0].toFixed(2),
    unit: "",
    note: "1-minute load average",
  });
  return rows;
}
