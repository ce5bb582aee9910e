import type { Column } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import type { StepConfig, StepDef } from "../../prep/step.ts";
import { resolveColumns } from "../shared/columns.ts";
import { checkConfig, enumParam, intParam, nullableNumberParam, numberParam } from "../shared/params.ts";
import { allRows, matrixOf, sampleRows, targetOf } from "../shared/scoringData.ts";
import { topK } from "./autoRules.ts";
import { QUICK_MODELS, type QuickModelId } from "./quickModel.ts";
import { SELECT_METHODS, type SelectMethod, scoreFeatures } from "./scoreFeatures.ts";

/** How the select step picks: the method's own rule, the top k, or a score threshold. */
export type KeepRule = "auto" | "k" | "threshold";

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

const PROBE_METHODS = SELECT_METHODS.filter((m) => m !== "random_probe" && m !== "variance_threshold");

function readParams(config: StepConfig) {
  return {
    method: enumParam(config, "method", SELECT_METHODS, "mutual_info"),
    keep: enumParam<KeepRule>(config, "keep", ["auto", "k", "threshold"], "auto"),
    k: intParam(config, "k", 10, 1),
    threshold: numberParam(config, "threshold", 0, -Number.MAX_VALUE),
    model: enumParam<QuickModelId | "auto">(config, "model", ["auto", ...QUICK_MODELS], "auto"),
    step: numberParam(config, "step", 0.2, 0.01, 0.9),
    probes: nullableNumberParam(config, "probes", 1, 100, true) ?? undefined,
    probeMethod: enumParam(config, "probe_method", PROBE_METHODS, "tree_importance") as Exclude<
      SelectMethod,
      "random_probe" | "variance_threshold"
    >,
    probeQuantile: numberParam(config, "probe_quantile", 1, 0, 1),
    maxRows: intParam(config, "max_rows", 5000, 50),
    minFeatures: intParam(config, "min_features", 1, 0),
  };
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
  type: "select",
  label: "Select features",
  category: "selection",
  defaults: {
    method: "mutual_info",
    keep: "auto",
    k: 10,
    threshold: 0,
    model: "auto",
    step: 0.2,
    probes: null,
    probe_method: "tree_importance",
    probe_quantile: 1,
    max_rows: 5000,
    min_features: 1,
  },
  params: {
    method: { type: "enum", values: SELECT_METHODS },
    keep: {
      type: "enum",
      values: ["auto", "k", "threshold"],
      doc: "The method's own rule, the top k, or a score threshold.",
    },
    k: { type: "number", min: 1, integer: true },
    threshold: { type: "number" },
    model: {
      type: "enum",
      values: ["auto", ...QUICK_MODELS],
      doc: "Model of rfe, tree_importance and permutation.",
    },
    step: {
      type: "number",
      min: 0.01,
      max: 0.9,
      doc: "rfe: share of the remaining features dropped per round.",
    },
    probes: {
      type: "number",
      min: 1,
      max: 100,
      integer: true,
      nullable: true,
      doc: "random_probe: noise columns; null: as many as features (10 to 50).",
    },
    probe_method: {
      type: "enum",
      values: PROBE_METHODS,
      doc: "random_probe: the method scoring features and probes.",
    },
    probe_quantile: {
      type: "number",
      min: 0,
      max: 1,
      doc: "random_probe: the probe score quantile to beat (1: the best).",
    },
    max_rows: { type: "number", min: 50, integer: true, doc: "Training rows sampled for scoring." },
    min_features: { type: "number", min: 0, integer: true, doc: "Features kept whatever the rule says." },
  },
  accepts: ["numeric", "boolean"],
  describe(config) {
    const { method, keep, k, threshold } = readParams(config);
    const rule =
      keep === "k"
        ? `the top ${k}`
        : keep === "threshold"
          ? `those scoring at least ${threshold}`
          : "the method's choice";
    return `Keeps ${rule} of the numeric features by ${method.replace("_", " ")}.`;
  },
  validate: (config) => checkConfig(selectStep, config, readParams),
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
