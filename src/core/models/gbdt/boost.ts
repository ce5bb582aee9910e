import { ValidationError } from "../../errors.ts";
import { makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import type { FitOptions, Matrix, Target } from "../estimator.ts";
import { readWeights } from "../fitChecks.ts";
import { applyBins, type BinMapper, type BinnedMatrix, fitBins } from "../trees/binning.ts";
import { type GrowParams, TreeGrower } from "../trees/grower.ts";
import { histogramHelp, type StepArrays } from "../trees/histHelp.ts";
import { reserveCodes } from "../trees/histMemory.ts";
import { binSource, type RowSource } from "../trees/rowSource.ts";
import { leafOf, type Tree } from "../trees/tree.ts";
import { intParam, limitParam, numberParam } from "../trees/treeParams.ts";
import { addTreeColumns, type ColumnRows, gatherColumns } from "./columnRows.ts";
import {
  type BoostLoss,
  binaryLogLoss,
  binaryStepRows,
  multinomialLogLoss,
  squaredError,
  sumTerms,
  type Targets,
} from "./losses.ts";
import type { GbdtParams } from "./meta.ts";
import { validationSplit } from "./validationSplit.ts";

/** What boosting leaves behind: the trees (iteration-major, `loss.dim` per iteration) and the curves. */
export interface Boosted {
  loss: BoostLoss;
  baseline: Float64Array;
  trees: Tree[];
  iterations: number;
  /** Mean training loss before the first tree and after each iteration. */
  trainLoss: number[];
  /** The same on the held-out rows; null without early stopping. */
  validationLoss: number[] | null;
  /** Total split gain per feature. */
  gains: Float64Array;
}

/**
 * Histogram gradient boosting after scikit-learn's HistGradientBoosting (and LightGBM): features
 * binned once on the training rows, one tree per iteration (per class for multiclass) fitted
 * leaf-wise to the gradients and hessians, leaf values -lr * sum(g) / (sum(h) + l2), and early
 * stopping on a seeded held-out split when the loss has not improved by more than `tol` for
 * `n_iter_no_change` iterations (all iterations are kept, as scikit-learn does).
 * X may be a RowSource (rows made a block at a time): then only the bin codes and the
 * early-stopping rows' values are held, never the whole Float64 matrix; same bins, same trees.
 */
export function boost(
  X: Matrix | RowSource,
  y: Target,
  classes: number,
  params: GbdtParams,
  opts: FitOptions = {},
): Boosted {
  const lr = numberParam("learning_rate", params.learning_rate, 0);
  if (!(lr > 0)) throw new ValidationError(`invalid learning_rate: ${lr}`);
  const maxIter = intParam("max_iter", params.max_iter, 1);
  const growParams: GrowParams = {
    maxDepth: limitParam("max_depth", params.max_depth, 1),
    maxLeafNodes: limitParam("max_leaf_nodes", params.max_leaf_nodes, 2),
    minSamplesSplit: 2,
    maxFeatures: X.cols,
    splitter: "best",
    minGain: 0,
    impurity: "none",
    sameRoot: true,
  };
  const rules = {
    score: "squared" as const,
    lambda: numberParam("l2_regularization", params.l2_regularization, 0),
    minSamplesLeaf: intParam("min_samples_leaf", params.min_samples_leaf, 1),
    // scikit-learn's min_hessian_to_split: keeps -G / H finite where the log loss saturates.
    minChildWeight: 1e-3,
  };
  const maxBins = intParam("max_bins", params.max_bins, 2);
  const patience = intParam("n_iter_no_change", params.n_iter_no_change, 1);
  const tol = numberParam("tol", params.tol, 0);
  const es = params.early_stopping;
  if (es !== "auto" && es !== true && es !== false)
    throw new ValidationError(`invalid early_stopping: ${String(es)}`);
  const earlyStopping = es === "auto" ? X.rows > 10_000 : es;
  // No sample weights: no array of ones (null is weight 1 everywhere; a product with 1 is exact).
  const weight = opts.sampleWeight ? readWeights(opts, X.rows) : null;
  const loss = classes === 0 ? squaredError : classes === 2 ? binaryLogLoss : multinomialLogLoss(classes);
  const rng = makeRng(opts.seed ?? 0);

  let trainRows: Uint32Array | null;
  let valRows: Uint32Array | null = null;
  if (earlyStopping) {
    const fraction = numberParam("validation_fraction", params.validation_fraction, 0, 1, true);
    const split = validationSplit(y.values, fraction, classes > 0, rng.fork());
    trainRows = split.train;
    if (split.validation.length > 0) valRows = split.validation;
  } else {
    trainRows = Uint32Array.from({ length: X.rows }, (_, i) => i);
  }
  opts.signal?.throwIfAborted();
  let mapper: BinMapper;
  let binned: BinnedMatrix;
  // The tree walk of the early-stopping rows reads their raw values: X itself, or a copy of them.
  let valData: Float64Array | Float32Array | null = null;
  let valColumns: ColumnRows | null = null;
  // The codes are binned straight into the grower's WebAssembly memory where there is one.
  const n = trainRows.length;
  const into = (nBins: Int32Array) => reserveCodes(n, nBins, true);
  if ("data" in X) {
    mapper = fitBins(X, maxBins, { seed: opts.seed, rows: trainRows });
    binned = applyBins(X, mapper, trainRows, into(mapper.nBins));
    valData = X.data;
  } else {
    ({ mapper, binned } = binSource(X, maxBins, { seed: opts.seed, rows: trainRows, into }));
    // By column at the narrowest exact type: a third of the Float64 rows on one-hot tables.
    valColumns = valRows && gatherColumns(X, valRows);
  }
  const dim = loss.dim;
  // In a thread with histogram help the binary loss's step is shared too: its arrays then live in
  // shared memory (histHelp.ts), with the same values.
  const share = loss.step !== undefined && histogramHelp() !== null;
  const yTrain = pickTargets(y.values, classes, trainRows, share);
  const wTrain = weight && pick(weight, trainRows, share);
  // Dropped (its 4 bytes a row) for the fit's length.
  trainRows = null;
  const baseline = loss.baseline(yTrain, wTrain);
  const unitWeights = wTrain === null || wTrain.every((v) => v === 1) ? null : wTrain;
  const shared = share ? sharedStepArrays(n, yTrain, unitWeights) : undefined;
  const grower = new TreeGrower(binned, mapper.thresholds, 1, rules, true, shared);
  // The grower's WebAssembly memory holds the codes from here on: the fit's own copy can go.
  grower.adoptCodes();
  // Its rows, gradients and hessians are written in place (the shared step's too, see histWasm.ts).
  const inPlace = grower.inPlace();
  try {
    return grow();
  } finally {
    grower.close();
  }

  function grow(): Boosted {
    const raw = shared ? shared.raw : new Float64Array(n * dim);
    for (let i = 0; i < n; i++) raw.set(baseline, i * dim);
    // The one-pass step keeps no probabilities; the other losses' gradients read them.
    const prob = loss.step ? new Float64Array(0) : new Float64Array(n * dim);
    const grad = inPlace ? inPlace.grad : new Float64Array(n);
    const hess = inPlace ? inPlace.hess : new Float64Array(n);
    const rows = inPlace ? inPlace.rows : new Uint32Array(n);
    // Losses without a step read weights per row: ones where there are none (as before).
    const wAll = loss.step ? null : (wTrain ?? new Float64Array(n).fill(1));
    const yVal = valRows ? pickTargets(y.values, classes, valRows) : null;
    const wVal = valRows ? (weight ? pick(weight, valRows) : new Float64Array(valRows.length).fill(1)) : null;
    const rawVal = valRows ? repeatRows(baseline, valRows.length) : null;

    // Squared error with equal weights has one hessian for every row, which the histograms exploit.
    const constantHess =
      loss.name === "squared_error" && (wTrain === null || wTrain.every((v) => v === wTrain[0]))
        ? (wTrain?.[0] ?? 1)
        : undefined;
    const trees: Tree[] = [];
    const gains = new Float64Array(X.cols);
    // One pass per iteration for the binary loss: probabilities, training loss, next gradients.
    const step = (): number => {
      if (shared) {
        const { y: ys, w: ws, terms } = shared;
        const run = (a: number, b: number) => binaryStepRows(raw, ys, ws, grad, hess, terms, a, b);
        if (grower.shareStep(n, run)) return sumTerms(terms, ws, n);
      }
      if (loss.step) return loss.step(raw, n, yTrain, unitWeights, grad, hess);
      loss.prepare(raw, n, prob);
      return loss.mean(raw, yTrain, wAll!, prob);
    };
    const trainLoss = [step()];
    const validationLoss = rawVal ? [loss.mean(rawVal, yVal!, wVal!)] : null;
    const report = makeThrottledProgress(opts.onProgress);
    let iterations = 0;
    for (let it = 0; it < maxIter; it++) {
      opts.signal?.throwIfAborted();
      for (let k = 0; k < dim; k++) {
        if (!loss.step) loss.gradients(k, raw, prob, yTrain, wAll!, grad, hess);
        for (let i = 0; i < n; i++) rows[i] = i;
        const grown = grower.grow(rows, n, { grad, hess, constantHess }, growParams);
        const tree = grown.tree;
        for (let i = 0; i < tree.value.length; i++) tree.value[i] *= lr;
        // Training rows already sit in their leaves' ranges of `rows`: no tree walk needed.
        for (const leaf of grown.leaves) {
          const v = tree.value[leaf.node];
          for (let j = leaf.start; j < leaf.end; j++) raw[rows[j] * dim + k] += v;
        }
        if (valRows && rawVal) {
          if (valColumns) addTreeColumns(tree, valColumns, rawVal, dim, k);
          else {
            for (let j = 0; j < valRows.length; j++) {
              rawVal[j * dim + k] += tree.value[leafOf(tree, valData!, valRows[j] * X.cols)];
            }
          }
        }
        for (let f = 0; f < gains.length; f++) gains[f] += grown.gains[f];
        trees.push(tree);
      }
      iterations = it + 1;
      // Probabilities for this iteration's loss and the next one's gradients.
      trainLoss.push(step());
      if (validationLoss && rawVal) validationLoss.push(loss.mean(rawVal, yVal!, wVal!));
      const metrics: Record<string, number> = { train_loss: trainLoss[iterations] };
      if (validationLoss) metrics.validation_loss = validationLoss[iterations];
      report({ phase: "fit", done: iterations, total: maxIter, metrics });
      if (earlyStopping && stalled(validationLoss ?? trainLoss, patience, tol)) break;
    }
    if (iterations < maxIter)
      report({ phase: "fit", done: iterations, total: iterations, message: "early stopping" });
    return { loss, baseline, trees, iterations, trainLoss, validationLoss, gains };
  }
}

/**
 * scikit-learn's `_should_stop`: none of the last `patience` losses beat the one `patience + 1`
 * back (baseline included) by more than `tol`.
 */
export function stalled(losses: number[], patience: number, tol: number): boolean {
  if (losses.length < patience + 1) return false;
  const reference = losses[losses.length - patience - 1] - tol;
  for (let i = losses.length - patience; i < losses.length; i++) if (losses[i] < reference) return false;
  return true;
}

/** values[rows], in shared memory when `shared` (the step's arrays of a helped fit). */
function pick(values: Float64Array, rows: Uint32Array, shared = false): Float64Array {
  const out = shared
    ? new Float64Array(new SharedArrayBuffer(rows.length * 8))
    : new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/** A fit's targets: class indices as bytes (fewer than 256 classes), values as floats. */
function pickTargets(values: Float64Array, classes: number, rows: Uint32Array, shared = false): Targets {
  if (classes === 0 || classes > 256) return pick(values, rows, shared);
  const out = shared ? new Uint8Array(new SharedArrayBuffer(rows.length)) : new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/**
 * The binary step's per-row arrays in shared memory (targets and weights already there). The
 * gradients, hessians and loss terms are in the grower's memory (histWasm.ts sets them): empty
 * until then (without WebAssembly the step is never shared).
 */
function sharedStepArrays(n: number, y: Targets, w: Float64Array | null): StepArrays {
  const none = new Float64Array(0);
  return { raw: new Float64Array(new SharedArrayBuffer(n * 8)), y, w, grad: none, hess: none, terms: none };
}

function repeatRows(value: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * value.length);
  for (let i = 0; i < n; i++) out.set(value, i * value.length);
  return out;
}
