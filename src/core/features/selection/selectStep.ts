import type { Column } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { num, nums, obj, oneOf, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import { resolveColumns } from "../shared/columns.ts";
import { allRows, matrixOf, sampleRows, targetOf } from "../shared/scoringData.ts";
import { topK } from "./autoRules.ts";
import { scoreFeatures } from "./scoreFeatures.ts";
import { type KeepRule, readParams, selectInfo } from "./selectInfo.ts";
import { SELECT_METHODS, type SelectMethod } from "./selectMethods.ts";

/** What the selection learned: every scored feature's score, the line and the chosen set (for a bar chart). */
export interface SelectState {
  method: SelectMethod;
  keep: KeepRule;
  names: string[];
  scores: number[];
  pValues?: number[];
  probeScores?: number[];
  threshold: number;
  selected: string[];
  dropped: string[];
}

/** Numeric and 0/1 feature columns: what the scorers read. Others pass through the step untouched. */
const isScorable = (c: Column) => c.data.type === "float" && (c.kind === "numeric" || c.kind === "boolean");

/**
 * Feature selection: scores the numeric feature columns on (a seeded sample of at most `max_rows`)
 * training rows with `method` (see `scoreFeatures`), keeps the method's own choice ("auto"), the
 * top `k`, or those scoring at least `threshold` (more than it for variance_threshold, as
 * scikit-learn's VarianceThreshold), and at least `min_features` of the best in any case;
 * `transform` drops the rest. Non-numeric columns are not scored and always kept.
 */
export const selectStep: StepDef<SelectState> = {
  ...selectInfo,
  state: obj(
    {
      method: oneOf(SELECT_METHODS),
      keep: oneOf(["auto", "k", "threshold"]),
      names: strs,
      scores: nums,
      threshold: num,
      selected: strs,
      dropped: strs,
    },
    { pValues: nums, probeScores: nums },
  ),
  fit(frame, config, ctx) {
    const p = readParams(config);
    const cols = resolveColumns(frame, config, isScorable, "numeric");
    const rng = ctx.rng.fork();
    const seed = rng.int(2 ** 31);
    let rows = allRows(frame);
    let y: ReturnType<typeof targetOf>["target"] | undefined;
    if (p.method !== "variance_threshold") {
      if (!ctx.target) throw new ValidationError(`${config.type}: method ${p.method} needs a target`);
      const t = targetOf(ctx.target, ctx.task, config.type);
      rows = t.rows;
      y = t.target;
    }
    const sample = sampleRows(rows, p.maxRows, rng);
    if (y && sample !== rows) {
      const at = new Map(Array.from(rows, (r, i) => [r, i]));
      const values = y.values;
      y = { ...y, values: Float64Array.from(sample, (r) => values[at.get(r)!]) };
    }
    const X = matrixOf(cols, sample, config.type);
    const s = scoreFeatures(X, y, p.method, {
      seed,
      signal: ctx.signal,
      model: p.model,
      step: p.step,
      probes: p.probes,
      probeMethod: p.probeMethod,
      probeQuantile: p.probeQuantile,
    });
    let threshold = s.autoThreshold;
    let keep = s.autoKeep;
    if (p.keep === "k") ({ threshold, keep } = topK(s.scores, p.k));
    else if (p.keep === "threshold") {
      threshold = p.threshold;
      keep = s.scores.map((v) => (p.method === "variance_threshold" ? v > threshold : v >= threshold));
    }
    // Never leave the model without features: the best min_features stay whatever the rule says.
    const floor = topK(s.scores, Math.min(p.minFeatures, s.scores.length)).keep;
    keep = keep.map((k, j) => k || floor[j]);
    return {
      method: p.method,
      keep: p.keep,
      names: s.names,
      scores: s.scores,
      pValues: s.pValues,
      probeScores: s.probeScores,
      threshold,
      selected: s.names.filter((_, j) => keep[j]),
      dropped: s.names.filter((_, j) => !keep[j]),
    };
  },
  transform(frame, state) {
    const dropped = new Set(state.dropped);
    return { rows: frame.rows, columns: frame.columns.filter((c) => !dropped.has(c.name)) };
  },
};
