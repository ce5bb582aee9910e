"""Peer side of `npm run bench -- scale`: one stage on one CSV, then one JSON line.

usage: /usr/bin/python3 scale.py STAGE FILE [THREADS]
STAGE: ingest | profile | recipe | gbdt | ladder. Every stage but ingest starts by reading the file
with pandas (its time is not counted, its memory is: peak RSS is the whole process's).
Threads: OMP_NUM_THREADS is set by the caller (the bench), so HistGradientBoosting uses as many
threads as our fold pool.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

stage, path = sys.argv[1], sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
t0 = time.perf_counter()
df = pd.read_csv(path)
read_s = time.perf_counter() - t0
out = {"rows": len(df), "read_s": read_s}
y = (df["label"] == "yes").to_numpy(dtype=np.int64)
X = df.drop(columns=["label"])
num = [c for c in X.columns if c.startswith("x")]
cat = ["region", "segment"]


def recipe():
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    return ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
            ("cat", OneHotEncoder(handle_unknown="ignore"), cat),
            ("bool", "passthrough", ["member"]),
        ]
    )


def one_hot(frame):
    """Categories one-hot (as our recipe gives gradient boosting: 16 + 35 + 1 = 52 columns),
    numbers as they are (missing values left to the model), the boolean as 0 / 1."""
    m = pd.get_dummies(frame, columns=cat, dtype=float)
    m["member"] = m["member"].astype(float)
    return m.to_numpy(dtype=np.float64)


t1 = time.perf_counter()
if stage == "ingest":
    pass
elif stage == "profile":
    # Per-column summary statistics, distinct counts, category counts and the correlation matrix:
    # the numbers our profile computes (pandas has no single profile call).
    X.describe(include="all")
    X.nunique()
    for c in cat:
        X[c].value_counts()
    X[num].corr()
    X[num].isna().sum()
elif stage == "recipe":
    recipe().fit_transform(X)
elif stage == "gbdt":
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    model = HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, max_bins=255, random_state=0)
    scores = cross_val_score(
        model, one_hot(X), y, cv=StratifiedKFold(3, shuffle=True, random_state=0), scoring="roc_auc"
    )
    out["auc"] = float(np.mean(scores))
elif stage == "ladder":
    # The ladder's rungs as scikit-learn models on the same recipe, 5-fold CV each (no refit).
    from sklearn.dummy import DummyClassifier
    from sklearn.ensemble import (
        ExtraTreesClassifier,
        HistGradientBoostingClassifier,
        RandomForestClassifier,
    )
    from sklearn.linear_model import LogisticRegression, RidgeClassifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.tree import DecisionTreeClassifier

    models = {
        "baseline": DummyClassifier(),
        "linear": RidgeClassifier(),
        "logistic": LogisticRegression(max_iter=1000),
        "naive_bayes": GaussianNB(),
        "knn": KNeighborsClassifier(),
        "decision_tree": DecisionTreeClassifier(random_state=0),
        "random_forest": RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=threads),
        "extra_trees": ExtraTreesClassifier(n_estimators=100, random_state=0, n_jobs=threads),
        "gbdt": HistGradientBoostingClassifier(random_state=0),
        "mlp": MLPClassifier(random_state=0, early_stopping=True),
    }
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    per = {}
    for name, model in models.items():
        s = time.perf_counter()
        pipe = make_pipeline(recipe(), model)
        if name == "naive_bayes":
            from sklearn.preprocessing import FunctionTransformer

            pipe = make_pipeline(recipe(), FunctionTransformer(lambda a: a.toarray() if hasattr(a, "toarray") else a), model)
        cross_val_score(pipe, X, y, cv=cv, scoring="roc_auc")
        per[name] = round(time.perf_counter() - s, 2)
    out["models"] = per
else:
    raise SystemExit(f"unknown stage {stage}")
out["seconds"] = time.perf_counter() - t1 if stage != "ingest" else read_s
out["max_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(out))
