"""Scikit-learn's forest over many random states on the app's own folds (`forestSeeds.ts`'s peer).

`OMP_NUM_THREADS=1 /usr/bin/python3 tests/accuracy/forestSeeds.py FOLDS_DIR DATASET TARGET [SEEDS] [MODEL]`
reads FOLDS_DIR/DATASET.json (written by `npx tsx tests/accuracy/forestSeeds.ts --folds-out
FOLDS_DIR`, or `run.ts --dump`) and scores ExtraTrees (MODEL `extra_trees`, default) or
RandomForest (`random_forest`) on their defaults with random_state 0..SEEDS-1 (default 20), with
the preprocessing of `peerOnFolds.py`; each seed's score is the mean of the fold scores, as the
leaderboard's. Not part of any test.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.compose import make_column_selector as sel
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

folds_dir, name, target = sys.argv[1:4]
seeds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
kind = sys.argv[5] if len(sys.argv) > 5 else "extra_trees"
df = pd.read_csv(f"/work/shared/datasets/{name}.csv", na_values=["NA"])
plan = json.load(open(f"{folds_dir}/{name}.json"))["plan"]
metric = plan["metric"]
y = df[target]
X = df.drop(columns=[target])
classes = metric != "r2"
if classes:
    y = pd.Series(pd.factorize(y, sort=True)[0])
pre = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), sel(dtype_include="number")),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), sel(dtype_exclude="number")),
    ]
)
if kind == "extra_trees":
    make = ExtraTreesClassifier if classes else ExtraTreesRegressor
else:
    make = RandomForestClassifier if classes else RandomForestRegressor
means = []
for seed in range(seeds):
    scores = []
    for fold in plan["folds"]:
        tr, te = np.array(fold["train"]), np.array(fold["test"])
        pipe = make_pipeline(pre, make(random_state=seed)).fit(X.iloc[tr], y.iloc[tr])
        if metric == "r2":
            scores.append(r2_score(y.iloc[te], pipe.predict(X.iloc[te])))
        elif metric == "roc_auc":
            scores.append(roc_auc_score(y.iloc[te], pipe.predict_proba(X.iloc[te])[:, 1]))
        else:
            scores.append(accuracy_score(y.iloc[te], pipe.predict(X.iloc[te])))
    means.append(np.mean(scores))
m = np.array(means)
print(
    f"{name} sklearn {kind} mean {m.mean():.4f} sd {m.std(ddof=1):.4f} min {m.min():.4f} max {m.max():.4f}"
    f" seed0 {m[0]:.4f} ({seeds} seeds)",
    flush=True,
)
print("  per seed " + " ".join(f"{s:.4f}" for s in means))
