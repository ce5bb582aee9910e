import { ValidationError } from "../../errors.ts";
import type { Matrix, Target } from "../../models/estimator.ts";
import { list, num, obj, oneOf, str } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import type { Rng } from "../../random.ts";
import { mutualInfo } from "../selection/mutualInfo.ts";
import {
  findColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
} from "../shared/columns.ts";
import { matrixOf, sampleRows, targetOf } from "../shared/scoringData.ts";
import { autoPairsInfo, readParams } from "./autoPairsInfo.ts";
import { quantileSorted } from "./binEdges.ts";
import { applyPair, PAIR_OPS, type PairOp, pairName } from "./pairOps.ts";
import { appendPairs, type PairFeature } from "./pairsStep.ts";
import { RidgeGainCv } from "./ridgeGainCv.ts";

/** A scored candidate: `a op b` and how much it raised the cross-validated score. */
export interface PairCandidate {
  a: string;
  b: string;
  op: PairOp;
  gain: number;
}

/** Fitted state: the chosen pairs and every candidate scored, for the UI. */
export interface AutoPairsState {
  /** The features kept, with their names and gains (for the UI). */
  chosen: (PairFeature & { gain: number })[];
  /** Every candidate tried, best first. */
  candidates: PairCandidate[];
  /** Cross-validated R² (values) or 1 - Brier ratio (classes) of the base columns. */
  baseScore: number;
}

const FOLDS = 3;

/** Standardised copy with non-finite values set to the mean and tails winsorised at the 1st / 99th percentiles, for scoring only. */
function scoringColumn(values: Float64Array): Float64Array | null {
  const finite = values.filter(Number.isFinite).sort();
  if (finite.length < 2) return null;
  const lo = quantileSorted(finite, 0.01);
  const hi = quantileSorted(finite, 0.99);
  const n = values.length;
  const out = new Float64Array(n);
  let mean = 0;
  for (const v of finite) mean += Math.min(hi, Math.max(lo, v));
  mean /= finite.length;
  for (let i = 0; i < n; i++)
    out[i] = Number.isFinite(values[i]) ? Math.min(hi, Math.max(lo, values[i])) : mean;
  let sd = 0;
  for (const v of out) sd += (v - mean) ** 2 / n;
  sd = Math.sqrt(sd);
  if (!(sd > 1e-10 * Math.abs(mean))) return null;
  for (let i = 0; i < n; i++) out[i] = (out[i] - mean) / sd;
  return out;
}

/** Targets as scored by the ridge: the values, or one indicator column per class (one for two classes). */
function targetColumns(y: Target): { values: Float64Array; m: number } {
  const k = y.classes?.length ?? 0;
  if (k === 0) return { values: y.values, m: 1 };
  if (k === 2) return { values: y.values.map((v) => (v === 1 ? 1 : 0)), m: 1 };
  const values = new Float64Array(y.values.length * k);
  y.values.forEach((c, i) => {
    values[i * k + c] = 1;
  });
  return { values, m: k };
}

/**
 * Candidate pairs among the ranked columns, the best-ranked pairs first, each with every op:
 * ratios both ways, products and differences with the columns in frame order (`position`).
 */
function candidates(
  ranked: string[],
  position: Map<string, number>,
  ops: PairOp[],
  max: number,
): Omit<PairCandidate, "gain">[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranked.length; i++) for (let j = i + 1; j < ranked.length; j++) pairs.push([i, j]);
  pairs.sort((x, y) => x[0] + x[1] - (y[0] + y[1]) || x[0] - y[0]);
  const out: Omit<PairCandidate, "gain">[] = [];
  for (const [i, j] of pairs) {
    const [a, b] = [ranked[i], ranked[j]].sort((x, y) => position.get(x)! - position.get(y)!);
    for (const op of ops) {
      out.push({ a, b, op });
      if (op === "ratio") out.push({ a: b, b: a, op });
    }
  }
  return out.slice(0, max);
}

function foldOf(n: number, rng: Rng): Int32Array {
  const fold = Int32Array.from({ length: n }, (_, i) => i % FOLDS);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [fold[i], fold[j]] = [fold[j], fold[i]];
  }
  return fold;
}

function standardise(X: Matrix): Float64Array {
  const out = new Float64Array(X.data.length);
  for (let j = 0; j < X.cols; j++) {
    const col = scoringColumn(Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols + j]));
    if (col) for (let i = 0; i < X.rows; i++) out[i * X.cols + j] = col[i];
  }
  return out;
}

/**
 * Searches for useful pairwise features. The numeric columns are ranked by mutual information with
 * the target (which sees interactions a correlation misses) and the top `max_columns` paired; each
 * candidate (`a*b`, `a-b`, `a/b`, `b/a`; at most `max_candidates`) is scored by how much adding it
 * to the base columns raises the 3-fold cross-validated score of a ridge model (R², or for classes
 * a linear probability model's 1 - Brier ratio) on a seeded sample of at most `max_rows` training
 * rows. The best `n` that gain more than `min_gain` are kept and made like the `pairs` step's.
 */
export const autoPairsStep: StepDef<AutoPairsState> = {
  ...autoPairsInfo,
  state: obj({
    chosen: list(obj({ a: str, b: str, op: oneOf(PAIR_OPS), name: str, gain: num })),
    candidates: list(obj({ a: str, b: str, op: oneOf(PAIR_OPS), gain: num })),
    baseScore: num,
  }),
  fit(frame, config, ctx) {
    const p = readParams(config);
    if (!ctx.target) throw new ValidationError(`${config.type}: needs a target`);
    const cols = resolveColumns(frame, config, isNumeric, "numeric");
    const t = targetOf(ctx.target, ctx.task, config.type);
    const rng = ctx.rng.fork();
    const sample = sampleRows(t.rows, p.maxRows, rng);
    const at = new Map(Array.from(t.rows, (r, i) => [r, i]));
    const y: Target = { ...t.target, values: Float64Array.from(sample, (r) => t.target.values[at.get(r)!]) };
    if (cols.length < 2 || sample.length < 3 * FOLDS) return { chosen: [], candidates: [], baseScore: 0 };
    const X = matrixOf(cols, sample, config.type);
    const mi = mutualInfo(X, y, { seed: rng.int(2 ** 31) });
    const ranked = cols
      .map((c, j) => ({ name: c.name, mi: mi[j], j }))
      .sort((a, b) => b.mi - a.mi || a.j - b.j)
      .slice(0, p.maxColumns)
      .map((c) => c.name);
    const { values, m } = targetColumns(y);
    const cv = new RidgeGainCv(standardise(X), X.cols, values, m, foldOf(sample.length, rng), FOLDS);
    const column = (name: string) => {
      const v = floatValues(findColumn(frame, name, config.type), config.type);
      return Float64Array.from(sample, (r) => v[r]);
    };
    const scored: PairCandidate[] = [];
    for (const c of candidates(ranked, new Map(cols.map((c, j) => [c.name, j])), p.ops, p.maxCandidates)) {
      ctx.signal?.throwIfAborted();
      const z = scoringColumn(applyPair(c.op, column(c.a), column(c.b)));
      scored.push({ ...c, gain: z ? cv.score(z) - cv.baseScore : 0 });
    }
    scored.sort((a, b) => b.gain - a.gain);
    const taken = namesOf(frame);
    const chosen = scored
      .filter((c) => c.gain > p.minGain)
      .slice(0, p.n)
      .map((c) => ({ ...c, name: uniqueName(taken, pairName(c.op, c.a, c.b)) }));
    return { chosen, candidates: scored, baseScore: cv.baseScore };
  },
  transform(frame, state, config) {
    return appendPairs(frame, state.chosen, config.type);
  },
};
