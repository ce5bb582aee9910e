"""Peer side of the ladder breakdown (tests/bench/ladderBreakdown.ts): our ladder's rungs as
scikit-learn models (XGBoost's XGB* for gbdt too when xgboost is installed), on one CSV, the same
shape of work as our run: an 80/20 split, 5-fold CV on the 80% (a pipeline per fold: median
imputation + scaling for numbers, most-frequent imputation + one-hot for categories), then a fit
on the 80% scored on the 20%. One thread (the caller sets OMP/BLAS threads to 1). Prints one JSON
line: per model wall and CPU seconds and the CV score, the whole loop's wall and CPU.

usage: /usr/bin/python3 ladder.py FILE TARGET TASK MODELS
TASK: binary | multiclass | regression. MODELS: comma-separated ladder ids (others are skipped).
"""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_squared_error, roc_auc_score, balanced_accuracy_score
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
path, target, task, wanted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
c_start, t_start = time.process_time(), time.perf_counter()
df = pd.read_csv(path)
df = df[df[target].notna()]
X = df.drop(columns=[target])
regression = task == "regression"
if regression:
    y = df[target].to_numpy(dtype=float)
else:
    y = pd.factorize(df[target], sort=True)[0]

try:
    import xgboost  # noqa: F401

    HAVE_XGB = True
except ImportError:
    HAVE_XGB = False

if regression:
    from sklearn.dummy import DummyRegressor
    from sklearn.ensemble import ExtraTreesRegressor, HistGradientBoostingRegressor, RandomForestRegressor
    from sklearn.linear_model import Ridge
    from sklearn.neighbors import KNeighborsRegressor
    from sklearn.neural_network import MLPRegressor
    from sklearn.tree import DecisionTreeRegressor

    MODELS = {
        "baseline": lambda: DummyRegressor(),
        "linear": lambda: Ridge(alpha=1.0),
        "knn": lambda: KNeighborsRegressor(),
        "decision_tree": lambda: DecisionTreeRegressor(random_state=0),
        "random_forest": lambda: RandomForestRegressor(n_estimators=100, random_state=0),
        "extra_trees": lambda: ExtraTreesRegressor(n_estimators=100, random_state=0),
        "gbdt": lambda: HistGradientBoostingRegressor(random_state=0),
        "mlp": lambda: MLPRegressor(hidden_layer_sizes=(64, 32), batch_size=256, early_stopping=True, random_state=0),
    }
    if HAVE_XGB:
        from xgboost import XGBRegressor

        MODELS["xgboost"] = lambda: XGBRegressor(n_estimators=100, n_jobs=1, random_state=0)
else:
    from sklearn.dummy import DummyClassifier
    from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression, RidgeClassifier
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.tree import DecisionTreeClassifier

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
    if HAVE_XGB:
        from xgboost import XGBClassifier

        MODELS["xgboost"] = lambda: XGBClassifier(n_estimators=100, n_jobs=1, random_state=0)


def pipe(model):
    pre = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), make_column_selector(dtype_include=np.number)),
            (
                "cat",
                make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
                make_column_selector(dtype_exclude=np.number),
            ),
        ]
    )
    return make_pipeline(pre, model)


def score(m, Xv, yv):
    if regression:
        return float(np.sqrt(mean_squared_error(yv, m.predict(Xv))))
    if task == "binary":
        s = m.predict_proba(Xv)[:, 1] if hasattr(m, "predict_proba") else m.decision_function(Xv)
        return float(roc_auc_score(yv, s))
    return float(balanced_accuracy_score(yv, m.predict(Xv)))


split = dict(test_size=0.2, random_state=0) if regression else dict(test_size=0.2, stratify=y, random_state=0)
Xt, Xh, yt, yh = train_test_split(X, y, **split)
folds = KFold(5, shuffle=True, random_state=0) if regression else StratifiedKFold(5, shuffle=True, random_state=0)
c_loop, t_loop = time.process_time(), time.perf_counter()
out = {}
names = [n for n in wanted if n in MODELS] + (["xgboost"] if HAVE_XGB else [])
for name in names:
    c0, t0 = time.process_time(), time.perf_counter()
    scores = []
    for tr, va in folds.split(Xt, yt):
        m = pipe(MODELS[name]()).fit(Xt.iloc[tr], yt[tr])
        scores.append(score(m, Xt.iloc[va], yt[va]))
    m = pipe(MODELS[name]()).fit(Xt, yt)
    score(m, Xh, yh)
    out[name] = {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "cv": float(np.mean(scores))}
print(
    json.dumps(
        {
            "models": out,
            "xgboost": HAVE_XGB,
            "loop_seconds": time.perf_counter() - t_loop,
            "loop_cpu": time.process_time() - c_loop,
            "process_cpu": time.process_time() - c_start,
            "process_seconds": time.perf_counter() - t_start,
        }
    )
)
