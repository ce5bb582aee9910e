"""Peer side of `npm run bench -- scale`: one stage on one CSV, then one JSON line.

usage: /usr/bin/python3 scale.py STAGE FILE [THREADS [MODELS | MODEL_FILE]]
STAGE: ingest | profile | recipe | gbdt | gbdt-out | ladder (MODELS: our model ids, comma-separated;
default all of LADDER; MODEL_FILE: where gbdt-out pickles the model refitted on every row). Every stage but ingest starts by reading the file with pandas (its time is not
counted, its memory is: peak RSS is the whole process's).
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


def dense(a):
    return a.toarray() if hasattr(a, "toarray") else a


def _models():
    """Our ladder's ids -> a maker of the scikit-learn model (given the thread count)."""
    from sklearn.dummy import DummyClassifier
    from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression, RidgeClassifier
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.tree import DecisionTreeClassifier

    return {
        "baseline": lambda t: DummyClassifier(),
        "linear": lambda t: RidgeClassifier(),
        "logistic": lambda t: LogisticRegression(max_iter=1000),
        "naive_bayes": lambda t: GaussianNB(),
        "knn": lambda t: KNeighborsClassifier(n_jobs=t),
        "decision_tree": lambda t: DecisionTreeClassifier(random_state=0),
        "random_forest": lambda t: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=t),
        "extra_trees": lambda t: ExtraTreesClassifier(n_estimators=100, random_state=0, n_jobs=t),
        "gbdt": lambda t: HistGradientBoostingClassifier(random_state=0),
        "mlp": lambda t: MLPClassifier(random_state=0, early_stopping=True),
    }


LADDER = _models() if stage == "ladder" else {}


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
elif stage in ("gbdt", "gbdt-out"):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    model = HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, max_bins=255, random_state=0)
    M = one_hot(X)
    scores = cross_val_score(model, M, y, cv=StratifiedKFold(3, shuffle=True, random_state=0), scoring="roc_auc")
    out["auc"] = float(np.mean(scores))
    if stage == "gbdt-out":
        # As `train --out`: after the CV, the model refitted on every row and written to a file
        # (sys.argv[4]; the bench removes it).
        import pickle

        model.fit(M, y)
        with open(sys.argv[4], "wb") as f:
            pickle.dump(model, f)
elif stage == "ladder":
    # Our ladder's protocol with scikit-learn models on the same recipe: a stratified 20% test
    # part held back, 5-fold CV on the rest, a refit on the whole training part scored on the test
    # part (no ensemble: ours also blends the models, a small cost). MODELS names our ids, in order.
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    ids = sys.argv[4].split(",") if len(sys.argv) > 4 else list(LADDER)
    train, test = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=0)
    Xtr, ytr, Xte, yte = X.iloc[train], y[train], X.iloc[test], y[test]
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    per = {}
    for name in ids:
        s = time.perf_counter()
        steps = [recipe()] + ([FunctionTransformer(dense)] if name == "naive_bayes" else [])
        pipe = make_pipeline(*steps, LADDER[name](threads))
        scores = cross_val_score(pipe, Xtr, ytr, cv=cv, scoring="roc_auc")
        pipe.fit(Xtr, ytr)
        p = pipe.predict_proba(Xte)[:, 1] if hasattr(pipe, "predict_proba") else pipe.decision_function(Xte)
        per[name] = {
            "s": round(time.perf_counter() - s, 2),
            "cv": round(float(np.mean(scores)), 4),
            "test": round(float(roc_auc_score(yte, p)), 4),
        }
        print(name, json.dumps(per[name]), file=sys.stderr, flush=True)  # progress of a long run
    out["models"] = per
    out["auc"] = max(v["cv"] for v in per.values())
else:
    raise SystemExit(f"unknown stage {stage}")
out["seconds"] = time.perf_counter() - t1 if stage != "ingest" else read_s
out["max_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(out))
