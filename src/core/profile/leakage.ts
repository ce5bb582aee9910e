import type { Column, Frame } from "../data/frame.ts";
import { parseNumberText } from "../data/parseNumber.ts";
import type { TaskDetection } from "../framing/detectTask.ts";
import type { ColumnProfile } from "./columnStats.ts";
import { correlationRatio, cramersV } from "./cramersV.ts";
import { gatherCodes, gatherFloats } from "./gather.ts";
import { pearson, spearman } from "./pearson.ts";
import { mappingHits, segmentHits } from "./segmentAccuracy.ts";

/**
 * A feature that alone gives the target away. Thresholds:
 * - classification: the best single-feature rule (level -> class for columns with few levels,
 *   at most as many intervals as classes for numbers) is right on >= 98% of rows and removes >= 90%
 *   of the errors of always guessing the commonest class; or bias-corrected Cramér's V >= 0.95;
 * - regression: |Pearson| or |Spearman| >= 0.98 (an exact copy gives 1), or for a categorical
 *   feature with few levels a correlation ratio >= 0.98.
 * Identifier-like columns (listed in `skip`) are left out: sorted data makes a row number look
 * predictive without it carrying any information.
 */
export interface LeakageFinding {
  column: string;
  method: "rule" | "cramers_v" | "pearson" | "spearman" | "exact_copy" | "correlation_ratio";
  value: number;
  /** Classification: accuracy of always guessing the commonest class. */
  baseline?: number;
}

export const LEAK_ACCURACY = 0.98;
export const LEAK_ERROR_REDUCTION = 0.9;
export const LEAK_CRAMERS_V = 0.95;
export const LEAK_CORRELATION = 0.98;
/** A column with more levels than this (or than rows / 5) is too fine-grained for a lookup rule. */
const MAX_RULE_LEVELS = 50;

export interface LeakageOptions {
  /** Rows to examine (a seeded sample on large frames). */
  sampleIndex: Uint32Array;
  profiles: ColumnProfile[];
  /** Columns not to examine (identifiers, constants). */
  skip?: ReadonlySet<string>;
  signal?: AbortSignal;
}

export function findLeakage(frame: Frame, detection: TaskDetection, opts: LeakageOptions): LeakageFinding[] {
  const target = frame.columns.find((c) => c.name === detection.target);
  if (!target) return [];
  const profileOf = new Map(opts.profiles.map((p) => [p.name, p]));
  const features = frame.columns.filter(
    (c) => c !== target && !opts.skip?.has(c.name) && (profileOf.get(c.name)?.distinct ?? 2) >= 2,
  );
  const idx = opts.sampleIndex;
  const out: LeakageFinding[] = [];
  if (detection.task === "regression") {
    const y = gatherFloats(target, idx);
    for (const col of features) {
      opts.signal?.throwIfAborted();
      const f = regressionLeak(col, y, idx);
      if (f) out.push(f);
    }
    return out;
  }
  const y = gatherCodes(target, idx);
  const counts = new Int32Array(y.levels);
  let labelled = 0;
  for (let i = 0; i < y.codes.length; i++) {
    if (y.codes[i] >= 0) {
      counts[y.codes[i]]++;
      labelled++;
    }
  }
  if (labelled === 0) return out;
  const baseline = Math.max(...counts) / labelled;
  const classes = counts.reduce((s, c) => s + (c > 0 ? 1 : 0), 0);
  const maxLevels = Math.max(2, Math.min(MAX_RULE_LEVELS, Math.floor(labelled / 5)));
  for (const col of features) {
    opts.signal?.throwIfAborted();
    const distinct = profileOf.get(col.name)?.distinct ?? 0;
    let accuracy: number | null = null;
    let v: number | null = null;
    // Numbers get a lookup only when they have about as few values as a coded copy of the classes
    // would; otherwise a lookup over many values would overfit, and intervals are used instead.
    const lookup = distinct <= maxLevels && (col.data.type === "dict" || distinct <= Math.max(classes, 10));
    if (lookup) {
      const x = gatherCodes(col, idx);
      accuracy = mappingHits(x.codes, x.levels, y.codes, y.levels) / labelled;
      v = cramersV(x, y);
    } else if (col.data.type === "float") {
      accuracy = segmentHits(gatherFloats(col, idx), y.codes, y.levels, Math.max(2, classes)) / labelled;
    }
    if (
      accuracy !== null &&
      accuracy >= LEAK_ACCURACY &&
      (accuracy - baseline) / (1 - baseline) >= LEAK_ERROR_REDUCTION
    ) {
      out.push({ column: col.name, method: "rule", value: accuracy, baseline });
    } else if (v !== null && v >= LEAK_CRAMERS_V) {
      out.push({ column: col.name, method: "cramers_v", value: v, baseline });
    }
  }
  return out;
}

function regressionLeak(col: Column, y: Float64Array, idx: Uint32Array): LeakageFinding | null {
  let x: Float64Array | null = null;
  if (col.data.type === "float") x = gatherFloats(col, idx);
  else if (col.kind !== "text") x = numbersOfLevels(col, idx);
  if (x) {
    if (isCopy(x, y)) return { column: col.name, method: "exact_copy", value: 1 };
    const r = pearson(x, y);
    if (r !== null && Math.abs(r) >= LEAK_CORRELATION)
      return { column: col.name, method: "pearson", value: r };
    const rho = spearman(x, y);
    if (rho !== null && Math.abs(rho) >= LEAK_CORRELATION)
      return { column: col.name, method: "spearman", value: rho };
    if (col.data.type === "float") return null;
  }
  if (col.data.type === "dict") {
    const codes = gatherCodes(col, idx);
    let present = 0;
    for (let i = 0; i < codes.codes.length; i++) if (codes.codes[i] >= 0) present++;
    const used = new Set(codes.codes).size;
    if (used > Math.max(2, Math.min(MAX_RULE_LEVELS, Math.floor(present / 5)))) return null;
    const eta = correlationRatio(codes, y);
    if (eta !== null && eta >= LEAK_CORRELATION)
      return { column: col.name, method: "correlation_ratio", value: eta };
  }
  return null;
}

/** Same value on every row where both are present, and both present on most rows. */
function isCopy(x: Float64Array, y: Float64Array): boolean {
  let both = 0;
  let present = 0;
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    present++;
    if (Number.isNaN(x[i])) continue;
    if (x[i] !== y[i]) return false;
    both++;
  }
  return both >= 2 && both >= 0.9 * present;
}

/**
 * A categorical column read as numbers when most of its values are numbers (a target copy whose
 * type changed on the way); null otherwise.
 */
function numbersOfLevels(col: Column, idx: Uint32Array): Float64Array | null {
  if (col.data.type !== "dict") return null;
  const levels = col.data.levels.map((l) => parseNumberText(l.trim()));
  const codes = col.data.codes;
  const out = new Float64Array(idx.length);
  let numbers = 0;
  let present = 0;
  for (let i = 0; i < idx.length; i++) {
    const c = codes[idx[i]];
    out[i] = c >= 0 ? levels[c] : Number.NaN;
    if (c >= 0) {
      present++;
      if (Number.isFinite(out[i])) numbers++;
    }
  }
  return present > 0 && numbers >= 0.8 * present ? out : null;
}
