/**
 * The whole default ladder beside the scikit-learn peer, model by model, on two seeded tables
 * shaped like lending_club and wa_churn (peerTables.ts): seconds of fold work per model and the
 * cross-validated ROC AUC of each side. Run alone with `npx tsx tests/bench/ladder.ts`.
 * `ladderTable` (a seeded mixed 10,000-row frame) serves the pool and tune benches.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { prepareTfjs } from "../../src/cli/tfjsBackend.ts";
import { makeFoldCache } from "../../src/core/automl/ladder/foldCache.ts";
import { type FoldStage, runFoldJob } from "../../src/core/automl/ladder/runFoldJob.ts";
import { runLadder } from "../../src/core/automl/ladder/runLadder.ts";
import type { Column, Frame } from "../../src/core/data/frame.ts";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { makeRng } from "../../src/core/random.ts";
import { runPeer } from "./peer.ts";
import { lendingClubLike, type PeerTable, waChurnLike } from "./peerTables.ts";
import { type BenchRow, printTable } from "./table.ts";

const ROWS = 10_000;

function floatCol(name: string, values: Float64Array, kind: Column["kind"] = "numeric"): Column {
  const missing = values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
  const unique = new Set(Array.from(values).filter((v) => !Number.isNaN(v))).size;
  return { name, kind, role: "feature", data: { type: "float", values }, missing, unique };
}

function dictCol(name: string, codes: Int32Array, levels: string[]): Column {
  const missing = codes.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
  return {
    name,
    kind: "categorical",
    role: "feature",
    data: { type: "dict", codes, levels },
    missing,
    unique: levels.length,
  };
}

/** Seeded mixed table; the label depends on two numbers, their interaction, a category and the boolean. */
export function ladderTable(rows = ROWS, seed = 42): Frame {
  const rng = makeRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const num = Array.from({ length: 6 }, () => new Float64Array(rows));
  const plan = Int32Array.from({ length: rows }, () => rng.int(5));
  const city = Int32Array.from({ length: rows }, () => (rng.next() < 0.03 ? -1 : rng.int(40)));
  const member = new Float64Array(rows);
  const label = new Int32Array(rows);
  const cityEffect = Array.from({ length: 40 }, () => normal() * 0.8);
  for (let i = 0; i < rows; i++) {
    for (const col of num) col[i] = normal();
    member[i] = rng.next() < 0.4 ? 1 : 0;
    const z =
      1.2 * num[0][i] -
      0.8 * num[1][i] +
      0.9 * num[0][i] * num[2][i] +
      0.5 * (plan[i] - 2) +
      (city[i] >= 0 ? cityEffect[city[i]] : 0) +
      0.7 * member[i] +
      normal();
    label[i] = z > 0.3 ? 1 : 0;
    if (rng.next() < 0.05) num[3][i] = Number.NaN;
    if (rng.next() < 0.1) num[4][i] = Number.NaN;
  }
  return {
    rows,
    columns: [
      ...num.map((v, j) => floatCol(`x${j}`, v)),
      dictCol("plan", plan, ["basic", "plus", "pro", "team", "enterprise"]),
      dictCol(
        "city",
        city,
        Array.from({ length: 40 }, (_, c) => `city${c}`),
      ),
      floatCol("member", member, "boolean"),
      dictCol("label", label, ["no", "yes"]),
    ],
  };
}

const PEER_LADDER = `
import sys, json, time, warnings
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier
warnings.filterwarnings("ignore")
path, target, wanted = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
df = pd.read_csv(path)
y = (df[target] == sorted(df[target].unique())[-1 if df[target].dtype != object else 0]).astype(int).to_numpy()
X = df.drop(columns=[target])
MODELS = {
    "baseline": lambda: DummyClassifier(strategy="prior"),
    "linear": lambda: RidgeClassifier(),
    "logistic": lambda: LogisticRegression(max_iter=1000),
    "naive_bayes": lambda: GaussianNB(),
    "knn": lambda: KNeighborsClassifier(),
    "decision_tree": lambda: DecisionTreeClassifier(random_state=0),
    "random_forest": lambda: RandomForestClassifier(n_estimators=100, random_state=0),
    "extra_trees": lambda: ExtraTreesClassifier(n_estimators=100, random_state=0),
    "gbdt": lambda: HistGradientBoostingClassifier(random_state=0),
    "mlp": lambda: MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=256, early_stopping=True, random_state=0),
}
def pipe(model):
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), make_column_selector(dtype_include=np.number)),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore", sparse_output=False)), make_column_selector(dtype_exclude=np.number)),
    ])
    return make_pipeline(pre, model)
def score(m, Xv, yv):
    s = m.predict_proba(Xv)[:, 1] if hasattr(m, "predict_proba") else m.decision_function(Xv)
    return roc_auc_score(yv, s)
Xt, Xh, yt, yh = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
out = {}
for name in wanted:
    if name not in MODELS: continue
    seconds, scores = 0.0, []
    c0 = time.process_time()
    for tr, va in StratifiedKFold(5, shuffle=True, random_state=0).split(Xt, yt):
        t0 = time.perf_counter()
        m = pipe(MODELS[name]()).fit(Xt.iloc[tr], yt[tr])
        scores.append(score(m, Xt.iloc[va], yt[va]))
        seconds += time.perf_counter() - t0
    t0 = time.perf_counter()
    m = pipe(MODELS[name]()).fit(Xt, yt)
    score(m, Xh, yh)
    seconds += time.perf_counter() - t0
    out[name] = {"seconds": seconds, "cpu": time.process_time() - c0, "cv": float(np.mean(scores))}
print(json.dumps(out))
`;

/**
 * What the two sides measured for one model: wall seconds of fold work (5 folds + the test part),
 * CPU seconds of the same (steadier than wall time on a shared machine), CV ROC AUC.
 */
interface Side {
  seconds: number;
  cpu: number;
  cv: number;
}

/** This process's CPU seconds (user + system) so far. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Our CPU seconds of one model, by what the work is for. The peer does `recipe`, `fit` and
 * `validation` too (its pipeline's preprocessing, fit, predict_proba and roc_auc on each fold and
 * the test part): that sum is the like-for-like figure. The rest it does not do: `train_score`
 * (a seeded sample of training rows scored per fold, the leaderboard's train column),
 * `artifact` (the refit's model and recipe saved as JSON for the pipeline and the ensemble),
 * `entry` (every metric of the out-of-fold and test predictions, between the last job and the
 * model's end, and any fold-runner overhead).
 */
interface OurParts {
  recipe: number;
  fit: number;
  train_score: number;
  validation: number;
  artifact: number;
  entry: number;
}

const likeForLike = (p: OurParts) => p.recipe + p.fit + p.validation;
const extras = (p: OurParts) => p.train_score + p.artifact + p.entry;
const emptyParts = (): OurParts => ({
  recipe: 0,
  fit: 0,
  train_score: 0,
  validation: 0,
  artifact: 0,
  entry: 0,
});

/**
 * The default ladder against the scikit-learn peer on one table: ours read from the CSV as the
 * command line reads it, 5 stratified folds + a 20% test part, seed 0, in this thread, fold jobs
 * one at a time (as the in-process default); the peer the same shape of work (StratifiedKFold 5
 * on an 80% split, then a fit on the 80% scored on the rest), median imputation + scaling +
 * one-hot in a pipeline per fold, one thread (BLAS too), each model at scikit-learn's defaults but
 * the MLP, given ours' architecture (64-32, batch 256, early stopping) so that both do the same
 * work. Ours shares a fold's fitted recipe between models with the same recipe (as runLadder does
 * in one thread), so a model's recipe stage can be near 0. Our CPU is charged by stage (`OurParts`), so that the like-for-like figure leaves out what
 * the app computes and the peer does not. The two run one after the other, so a loaded machine
 * slows both; `uptime` before and after says how loaded it was.
 */
async function ladderBesidePeer(table: PeerTable): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "ladder-peer-"));
  const file = join(dir, `${table.name}.csv`);
  writeFileSync(file, table.csv);
  try {
    const frame = (await readCsv(createReadStream(file), { totalBytes: statSync(file).size })).frame;
    // CPU per rung (the ladder runs in this thread, one rung after another, and reports each
    // end) and, inside it, per stage of each fold job.
    const rung = new Map<string, number>();
    const parts = new Map<string, OurParts>();
    // As runLadder's own in-thread runner: one cache of fitted recipes for the run.
    const cache = makeFoldCache();
    let mark = cpuSeconds();
    const cpu0 = mark;
    const t0 = performance.now();
    const result = await runLadder(frame, {
      target: table.target,
      folds: 5,
      seed: 0,
      concurrency: 1,
      runFold: (job, signal) => {
        const of = parts.get(job.model) ?? emptyParts();
        parts.set(job.model, of);
        let stage: FoldStage = "recipe";
        let at = cpuSeconds();
        return runFoldJob(frame, job, {
          signal,
          cache,
          onStage: (next) => {
            const now = cpuSeconds();
            if (stage !== "done") of[stage] += now - at;
            stage = next;
            at = now;
          },
        });
      },
      onProgress: (p) => {
        if (p.phase !== "model" || !p.model) return;
        const now = cpuSeconds();
        rung.set(p.model, now - mark);
        mark = now;
      },
    });
    const ourTotal = (performance.now() - t0) / 1000;
    const ourTotalCpu = cpuSeconds() - cpu0;
    const ours = new Map<string, Side>();
    for (const e of result.entries)
      ours.set(e.model, { seconds: e.fit_seconds, cpu: rung.get(e.model) ?? Number.NaN, cv: e.cv_mean });
    const models = result.entries.map((e) => e.model).filter((m) => m !== "ensemble");
    for (const m of models) {
      const p = parts.get(m) ?? emptyParts();
      // What the rung cost beyond its jobs' stages: the entry's metrics (and, for the first rung,
      // the plan: folds, target encoding).
      p.entry = (rung.get(m) ?? 0) - (likeForLike(p) + p.train_score + p.artifact);
    }
    const t1 = performance.now();
    const peer = runPeer<Record<string, Side>>(PEER_LADDER, [file, table.target, models.join(",")]);
    const peerTotal = (performance.now() - t1) / 1000;
    const rows: BenchRow[] = [];
    const shape = `${table.name} (${table.rows.toLocaleString("en")} rows)`;
    const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    let ourSum = 0;
    let peerSum = 0;
    let ourCpu = 0;
    let ourLike = 0;
    let peerCpu = 0;
    const sumParts = emptyParts();
    for (const m of models) {
      const a = ours.get(m)!;
      const p = parts.get(m)!;
      const b = peer?.[m];
      ourSum += a.seconds;
      ourCpu += a.cpu;
      ourLike += likeForLike(p);
      for (const k of Object.keys(sumParts) as (keyof OurParts)[]) sumParts[k] += p[k];
      if (b) {
        peerSum += b.seconds;
        peerCpu += b.cpu;
      }
      const split = `like for like ${likeForLike(p).toFixed(2)} s (recipe ${p.recipe.toFixed(2)}, fit ${p.fit.toFixed(2)}, validation ${p.validation.toFixed(2)}); extras ${extras(p).toFixed(2)} s (train score ${p.train_score.toFixed(2)}, pipeline ${p.artifact.toFixed(2)}, entry ${p.entry.toFixed(2)})`;
      rows.push({
        measure: `${shape} ${m}`,
        value: a.cpu.toFixed(2),
        unit: "s CPU",
        note: b
          ? `peer ${b.cpu.toFixed(2)} s CPU: whole ${x(a.cpu, b.cpu)}, like for like ${x(likeForLike(p), b.cpu)}; ${split}; wall ${a.seconds.toFixed(2)} vs ${b.seconds.toFixed(2)} s; ${result.plan.metric} ${a.cv.toFixed(4)} vs ${b.cv.toFixed(4)}`
          : `${split}; ${result.plan.metric} ${a.cv.toFixed(4)}; no peer`,
      });
    }
    const ens = ours.get("ensemble");
    if (ens) {
      // The entry's fit_seconds adds its members' seconds (the leaderboard's cost of the blend);
      // here only the blend's own work, its members being charged in their rows.
      rows.push({
        measure: `${shape} ensemble`,
        value: ens.cpu.toFixed(2),
        unit: "s CPU",
        note: `the blend's selection only (its members' fits are in their rows); ${result.plan.metric} ${ens.cv.toFixed(4)}; no peer rung`,
      });
    }
    rows.push({
      measure: `${shape} models, like for like`,
      value: ourLike.toFixed(1),
      unit: "s CPU",
      note: peer
        ? `${x(ourLike, peerCpu)} the peer's ${peerCpu.toFixed(1)} s: recipe ${sumParts.recipe.toFixed(1)}, fit ${sumParts.fit.toFixed(1)}, validation and test ${sumParts.validation.toFixed(1)} s (what the peer does too)`
        : "no peer",
    });
    rows.push({
      measure: `${shape} models, whole`,
      value: ourCpu.toFixed(1),
      unit: "s CPU",
      note: peer
        ? `${x(ourCpu, peerCpu)} the peer's ${peerCpu.toFixed(1)} s: like for like plus train scores ${sumParts.train_score.toFixed(1)}, pipelines ${sumParts.artifact.toFixed(1)}, entries ${sumParts.entry.toFixed(1)} s; wall ${ourSum.toFixed(1)} vs ${peerSum.toFixed(1)} s (${x(ourSum, peerSum)})`
        : "no peer",
    });
    rows.push({
      measure: `${shape} whole ladder`,
      value: ourTotalCpu.toFixed(1),
      unit: "s CPU",
      note: `${peer ? `${x(ourTotalCpu, peerCpu)} the peer's models' CPU; ` : ""}everything in one thread: models, ensemble, best pipeline; wall ${ourTotal.toFixed(1)} s; peer process ${peerTotal.toFixed(1)} s wall (Python start and reading included)`,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-model seconds of the default ladder beside scikit-learn's on two seeded tables. */
export async function benchLadder(): Promise<BenchRow[]> {
  await prepareTfjs();
  const rows: BenchRow[] = [
    { measure: "load before", value: loadAverage(), unit: "", note: "1-minute load average, 2 cores" },
    {
      measure: "what each side does",
      value: "",
      unit: "",
      note: "both: per model, 5 folds (recipe or pipeline fitted on the fold, model fit, validation rows predicted and scored) and a refit scored on the test part. Ours also: a train score per fold (a seeded sample of training rows), the refit saved as JSON, every metric of the predictions, the ensemble rung, the best pipeline. Like for like = our recipe + fit + validation stages (ours fits a fold's recipe once per distinct recipe, the peer its pipeline per model)",
    },
  ];
  for (const table of [waChurnLike(), lendingClubLike()]) rows.push(...(await ladderBesidePeer(table)));
  rows.push({ measure: "load after", value: loadAverage(), unit: "", note: "1-minute load average" });
  return rows;
}

const loadAverage = () => loadavg()[0].toFixed(2);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  printTable("Default ladder beside scikit-learn 1.2 (one thread each)", await benchLadder());
}
