import { ValidationError } from "../errors.ts";
import { FRAMING_METRICS, METRICS, type MetricId, metricsForTask } from "./metrics.ts";
import { TASK_LABELS, type Task } from "./task.ts";

export type CriterionOp = ">=" | ">" | "<=" | "<";

/** A success criterion such as "ROC AUC >= 0.85": met when the score compares true. */
export interface Criterion {
  metric: MetricId;
  op: CriterionOp;
  value: number;
}

/** Metric spellings after lower-casing and dropping everything but letters and digits. */
const ALIASES: Record<string, MetricId> = {
  accuracy: "accuracy",
  acc: "accuracy",
  balancedaccuracy: "balanced_accuracy",
  balancedacc: "balanced_accuracy",
  bacc: "balanced_accuracy",
  f1macro: "f1_macro",
  macrof1: "f1_macro",
  f1: "f1_macro",
  f1score: "f1_macro",
  macrof1score: "f1_macro",
  f1macroscore: "f1_macro",
  rocauc: "roc_auc",
  auc: "roc_auc",
  auroc: "roc_auc",
  rocaucscore: "roc_auc",
  areaundercurve: "roc_auc",
  areaundertheroccurve: "roc_auc",
  logloss: "log_loss",
  crossentropy: "log_loss",
  rmse: "rmse",
  rootmeansquarederror: "rmse",
  mae: "mae",
  meanabsoluteerror: "mae",
  r2: "r2",
  rsquared: "r2",
  r2score: "r2",
  coefficientofdetermination: "r2",
};

/** Word operators, longest first so "greater than or equal to" wins over "greater than". */
const WORD_OPS: [string, CriterionOp][] = [
  ["greater than or equal to", ">="],
  ["less than or equal to", "<="],
  ["no less than", ">="],
  ["no more than", "<="],
  ["at least", ">="],
  ["at most", "<="],
  ["greater than", ">"],
  ["more than", ">"],
  ["higher than", ">"],
  ["lower than", "<"],
  ["less than", "<"],
  ["above", ">"],
  ["over", ">"],
  ["below", "<"],
  ["under", "<"],
];

const SYMBOL_OP = /(>=|=>|<=|=<|==|>|<|=)/;

/**
 * Reads "ROC AUC >= 0.85", "roc_auc>=0.85", "RMSE < 10000", "accuracy at least 0.9",
 * "balanced accuracy ≥ 0.7", "accuracy >= 90%". With a task, the metric must suit it. The
 * comparison must point the metric's better way ("RMSE > 5" is rejected), and the value must be
 * reachable (an accuracy of 85 is rejected; write 0.85 or 85%).
 */
export function parseCriterion(text: string, task?: Task | null): Criterion {
  const s = text.replace(/≥/g, ">=").replace(/≤/g, "<=").replace(/\s+/g, " ").trim();
  if (s === "")
    throw new ValidationError('The success criterion is empty; write one such as "ROC AUC >= 0.85".');
  const split = splitAtOperator(s);
  if (!split) {
    throw new ValidationError(
      `No comparison found in "${text}"; write the metric, then >=, >, <= or <, then a number, as in "ROC AUC >= 0.85".`,
    );
  }
  const [left, op, right] = split;
  const metric = metricOf(left);
  const info = METRICS[metric];
  if (task && !info.tasks.includes(task)) {
    const valid = metricsForTask(task).map((m) => m.label);
    throw new ValidationError(
      `The metric ${info.label} is not valid for ${TASK_LABELS[task]}; use one of ${valid.join(", ")}.`,
    );
  }
  const value = numberOf(right, text);
  if (info.direction === "higher" && op.startsWith("<")) {
    throw new ValidationError(
      `Higher ${info.label} is better, so the criterion should use >= or >, not ${op}.`,
    );
  }
  if (info.direction === "lower" && op.startsWith(">")) {
    throw new ValidationError(
      `Lower ${info.label} is better, so the criterion should use <= or <, not ${op}.`,
    );
  }
  if ((info.min !== null && value < info.min) || (info.max !== null && value > info.max)) {
    const range =
      info.max === null
        ? `at least ${info.min}`
        : info.min === null
          ? `at most ${info.max}`
          : `from ${info.min} to ${info.max}`;
    throw new ValidationError(`${info.label} runs ${range}, so ${right.trim()} cannot be a target for it.`);
  }
  return { metric, op, value };
}

/** True when the score meets the criterion; a missing or non-finite score never does. */
export function checkCriterion(criterion: Criterion, score: number | null | undefined): boolean {
  if (typeof score !== "number" || !Number.isFinite(score)) return false;
  switch (criterion.op) {
    case ">=":
      return score >= criterion.value;
    case ">":
      return score > criterion.value;
    case "<=":
      return score <= criterion.value;
    default:
      return score < criterion.value;
  }
}

/** "ROC AUC ≥ 0.85". */
export function formatCriterion(c: Criterion): string {
  const op = c.op === ">=" ? "≥" : c.op === "<=" ? "≤" : c.op;
  return `${METRICS[c.metric].label} ${op} ${c.value}`;
}

function splitAtOperator(s: string): [string, CriterionOp, string] | null {
  const m = SYMBOL_OP.exec(s);
  if (m) {
    const raw = m[1];
    if (raw === "=" || raw === "==") {
      throw new ValidationError(`A success criterion compares with >=, >, <= or <, not "${raw}".`);
    }
    const op = (raw === "=>" ? ">=" : raw === "=<" ? "<=" : raw) as CriterionOp;
    return [s.slice(0, m.index), op, s.slice(m.index + raw.length)];
  }
  const lower = s.toLowerCase();
  for (const [words, op] of WORD_OPS) {
    const at = new RegExp(`(^|\\s)${words}(\\s|$)`).exec(lower);
    if (at) {
      const start = at.index + at[1].length;
      const left = s.slice(0, start).replace(/\s(is|should be|must be|of)\s*$/i, "");
      return [left, op, s.slice(start + words.length)];
    }
  }
  return null;
}

function metricOf(text: string): MetricId {
  const key = text
    .toLowerCase()
    .replace(/²/g, "2")
    .replace(/^\s*the\s+/, "")
    .replace(/[^a-z0-9]/g, "");
  const metric = ALIASES[key];
  if (metric) return metric;
  const shown = text.trim() === "" ? "(none)" : `"${text.trim()}"`;
  throw new ValidationError(
    `Unknown metric: ${shown}; use one of ${FRAMING_METRICS.map((m) => m.label).join(", ")}.`,
  );
}

function numberOf(text: string, whole: string): number {
  let t = text.trim().replace(/\s+/g, "");
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1);
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  const v = t === "" ? Number.NaN : Number(t);
  if (!Number.isFinite(v)) {
    throw new ValidationError(`No number found after the comparison in "${whole}".`);
  }
  return scale === 1 ? v : Number((v * scale).toPrecision(12));
}
