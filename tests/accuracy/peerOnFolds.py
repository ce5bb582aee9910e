"""Scikit-learn models on the app's own folds, to tell fold luck from model quality.

`OMP_NUM_THREADS=1 /usr/bin/python3 tests/accuracy/peerOnFolds.py DUMP_DIR DATASET TARGET`
reads DUMP_DIR/DATASET.json (written by `npx tsx tests/accuracy/run.ts --dump DUMP_DIR`: its plan
holds the folds' rows) and scores hist gradient boosting, extra trees and logistic regression /
ridge, on their defaults, on exactly those folds (median imputation, scaling, one-hot, as the
reference), as the mean of the fold scores, as the leaderboard does. Not part of any test.
"""
import sys

import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge

from foldsPeer import fold_scores, load

dump_dir, name, target = sys.argv[1:4]
plan, X, y, classes = load(dump_dir, name, target)
models = {
    "hist_gb": HistGradientBoostingClassifier() if classes else HistGradientBoostingRegressor(),
    "extra_trees": ExtraTreesClassifier(random_state=0) if classes else ExtraTreesRegressor(random_state=0),
    "linear": LogisticRegression(max_iter=5000) if classes else Ridge(),
}
for label, model in models.items():
    scores = fold_scores(plan, X, y, model)
    print(f"{name} {label} {np.mean(scores):.4f} folds {' '.join(f'{s:.4f}' for s in scores)}", flush=True)
