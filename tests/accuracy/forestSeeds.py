"""Scikit-learn's forest over many random states on the app's own folds (`forestSeeds.ts`'s peer).

`OMP_NUM_THREADS=1 /usr/bin/python3 tests/accuracy/forestSeeds.py FOLDS_DIR DATASET TARGET [SEEDS] [MODEL] [TREES]`
reads FOLDS_DIR/DATASET.json (written by `npx tsx tests/accuracy/forestSeeds.ts --folds-out
FOLDS_DIR`, or `run.ts --dump`) and scores ExtraTrees (MODEL `extra_trees`, default) or
RandomForest (`random_forest`) on their defaults (but n_estimators=TREES, default 100) with
random_state 0..SEEDS-1 (default 20), with the preprocessing of `peerOnFolds.py`; each seed's
score is the mean of the fold scores, as the leaderboard's. Not part of any test.
"""
import sys

import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

from foldsPeer import fold_scores, load

folds_dir, name, target = sys.argv[1:4]
seeds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
kind = sys.argv[5] if len(sys.argv) > 5 else "extra_trees"
trees = int(sys.argv[6]) if len(sys.argv) > 6 else 100
plan, X, y, classes = load(folds_dir, name, target)
if kind == "extra_trees":
    make = ExtraTreesClassifier if classes else ExtraTreesRegressor
else:
    make = RandomForestClassifier if classes else RandomForestRegressor
means = [np.mean(fold_scores(plan, X, y, make(n_estimators=trees, random_state=seed))) for seed in range(seeds)]
m = np.array(means)
print(
    f"{name} sklearn {kind} mean {m.mean():.4f} sd {m.std(ddof=1):.4f} min {m.min():.4f} max {m.max():.4f}"
    f" seed0 {m[0]:.4f} ({seeds} seeds, {trees} trees)",
    flush=True,
)
print("  per seed " + " ".join(f"{s:.4f}" for s in means))
