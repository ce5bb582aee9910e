"""The shared half of the scikit-learn studies on the app's own folds (peerOnFolds.py, forestSeeds.py).

`load` reads a dataset and the plan of a dump (`npx tsx tests/accuracy/run.ts --dump DIR` or
`forestSeeds.ts --folds-out DIR`); `fold_scores` fits a pipeline (median imputation and scaling,
one-hot, as the reference) on each fold's training rows and scores its validation rows by the
plan's metric, as the leaderboard does. Not part of any test.
"""
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.compose import make_column_selector as sel
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def load(dump_dir, name, target):
    """(plan, X, y, classes): classes is False for regression; y as class codes otherwise."""
    df = pd.read_csv(f"/work/shared/datasets/{name}.csv", na_values=["NA"])
    plan = json.load(open(f"{dump_dir}/{name}.json"))["plan"]
    y = df[target]
    X = df.drop(columns=[target])
    classes = plan["metric"] != "r2"
    if classes:
        y = pd.Series(pd.factorize(y, sort=True)[0])
    return plan, X, y, classes


def fold_scores(plan, X, y, model):
    """The plan's metric on each fold's validation rows, `model` fitted after the reference's preprocessing."""
    pre = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), sel(dtype_include="number")),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), sel(dtype_exclude="number")),
        ]
    )
    metric = plan["metric"]
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
    return scores
