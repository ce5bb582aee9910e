"""Peer side of `npm run bench -- gbdt`: HistGradientBoostingClassifier cross-validated on the
bench's own raw files and folds, then one JSON line (wall and CPU seconds of cross_val_score).

usage: /usr/bin/python3 gbdt.py X.bin y.bin folds.bin ROWS COLS
Threads: OMP_NUM_THREADS is set by the caller.
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import PredefinedSplit, cross_val_score

xp, yp, fp, rows, cols = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(xp, dtype="<f8").reshape(rows, cols)
y = np.fromfile(yp, dtype=np.uint8).astype(np.int64)
folds = np.fromfile(fp, dtype=np.int8).astype(np.int64)
model = HistGradientBoostingClassifier(
    max_iter=100, max_leaf_nodes=31, max_bins=255, early_stopping=False, random_state=0
)


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


c0, t0 = cpu(), time.perf_counter()
scores = cross_val_score(model, X, y, cv=PredefinedSplit(folds), scoring="roc_auc")
wall, used = time.perf_counter() - t0, cpu() - c0
print(json.dumps({"seconds": wall, "cpu": used, "auc": float(np.mean(scores)), "aucs": scores.tolist()}))
