"""Scikit-learn models on the app's own folds, to tell fold luck from model quality.

`OMP_NUM_THREADS=1 /usr/bin/python3 tests/accuracy/peerOnFolds.py DUMP_DIR DATASET TARGET`
reads DUMP_DIR/DATASET.json (written by `npx tsx tests/accuracy/run.ts --dump DUMP_DIR`: its plan
holds the folds' rows) and scores hist gradient boosting, extra trees and logistic regression /
ridge, on their defaults, on exactly those folds (median imputation, scaling, one-hot, as the
reference), as the mean of the fold scores, as the leaderboard does. Not part of any test.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.compose import make_column_selector as sel
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

dump_dir, name, target = sys.argv[1:4]
df = pd.read_csv(f"/work/shared/datasets/{name}.csv", na_values=["NA"])
plan = json.load(open(f"{dump_dir}/{name}.json"))["plan"]
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
models = {
    "hist_gb": HistGradientBoostingClassifier() if classes else HistGradientBoostingRegressor(),
    "extra_trees": ExtraTreesClassifier(random_state=0) if classes else ExtraTreesRegressor(random_state=0),
    "linear": LogisticRegression(max_iter=5000) if classes else Ridge(),
}
for label, model in models.items():
    scores = []
    for fold in plan["folds"]:
        tr, te = np.array(fold["train"]), np.array(fold["test"])
        pipe = make_pipeline(pre, model).fit(X.iloc[tr], y.iloc[tr])
        if metric == "r2":
            scores.append(r2_score(y.iloc[te], pipe.predict(X.iloc[te])))
        elif metric == "roc_auc":
            scores.append(roc_auc_score(y.iloc[te], pipe.predict_proba(X.iloc[te])[:, 1]))
        else:
            scores.append(accuracy_score(y.iloc[te], pipe.predict(X.iloc[te])))
    print(f"{name} {label} {np.mean(scores):.4f} folds {' '.join(f'{s:.4f}' for s in scores)}", flush=True)
