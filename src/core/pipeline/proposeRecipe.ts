import type { Column, Frame } from "../data/frame.ts";
import { classBalance } from "../framing/imbalance.ts";
import type { Task } from "../framing/task.ts";
import { countLevels, countMissing } from "../prep/columns.ts";
import { percent } from "../prep/columnsPhrase.ts";
import type { Recipe, StepConfig } from "../prep/step.ts";
import { encodeTarget } from "../prep/targetValues.ts";
import { idLikeAlert } from "../profile/columnAlerts.ts";
import { columnStats } from "../profile/columnStats.ts";
import type { FrameProfile } from "../profile/profileFrame.ts";
import { getStepInfo, hasStep } from "./stepCatalogue.ts";

/** Categorical columns with at most this many levels are one-hot encoded; more get target / frequency encoding. */
export const ONE_HOT_MAX_LEVELS = 100;
/** One-hot also needs enough rows per level: at most one new column per this many rows. */
export const ONE_HOT_ROWS_PER_LEVEL = 10;
/** Columns missing in more than this share of rows get a `<col>_missing` flag next to the imputed value. */
export const INDICATOR_SHARE = 0.05;

/** Options of `proposeRecipe`. */
export interface ProposeOptions {
  target: string | null;
  task: Task | null;
  /** The frame's profile, when already computed; saves recomputing column statistics. */
  profile?: FrameProfile;
}

const quoted = (names: string[], max = 4) => {
  const q = names.map((n) => `"${n}"`);
  if (q.length <= 1) return q.join("");
  if (q.length <= max) return `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
  return `${q.slice(0, max).join(", ")} and ${q.length - max} more`;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a column cannot help a model, or null when it can. */
function dropReason(col: Column, profile: FrameProfile | undefined): string | null {
  if (col.kind === "text") return "free text";
  if (profile) {
    const alerts = profile.alerts.filter((a) => a.column === col.name);
    if (alerts.some((a) => a.type === "id_like")) return "an identifier";
    if (alerts.some((a) => a.type === "constant")) return "constant";
    const p = profile.columns.find((c) => c.name === col.name);
    return p && p.distinct <= 1 ? "constant" : null;
  }
  const quick = quickFloatReason(col);
  if (quick !== undefined) return quick;
  const p = columnStats(col);
  if (p.distinct <= 1) return "constant";
  return idLikeAlert(col, p) ? "an identifier" : null;
}

/**
 * `dropReason` of a numeric or datetime column in one pass, without `columnStats`: its sorted copy
 * of every value (a million rows: ~32 MB made and dropped per column, ~150 MB resident at once while
 * planning) is needed only to tell an identifier, which takes whole numbers. The same answer:
 * "constant" when at most one distinct value (finite values, -0 as 0, and each infinity count, as
 * in `summarizeNumeric`); null when some finite value is not whole, or there are under 10 values
 * or no finite one (`idLikeAlert` then says no). undefined: the full statistics must decide.
 */
export function quickFloatReason(col: Column): string | null | undefined {
  if (col.data.type !== "float" || (col.kind !== "numeric" && col.kind !== "datetime")) return undefined;
  const v = col.data.values;
  let count = 0;
  let first = Number.NaN;
  let other = false;
  let integer = true;
  let posInf = 0;
  let negInf = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue;
    count++;
    if (x === Number.POSITIVE_INFINITY) posInf = 1;
    else if (x === Number.NEGATIVE_INFINITY) negInf = 1;
    else {
      if (integer && Math.floor(x) !== x) integer = false;
      if (Number.isNaN(first)) first = x;
      else if (x !== first) other = true; // -0 === 0
    }
  }
  const distinct = (Number.isNaN(first) ? 0 : other ? 2 : 1) + posInf + negInf;
  if (distinct <= 1) return "constant";
  // idLikeAlert: only a numeric column of whole numbers with 10+ values and a finite one can be an id.
  if (col.kind === "numeric" && integer && count >= 10 && !Number.isNaN(first)) return undefined;
  return null;
}

/** Distinct levels in use of a dict column. */
function levelsInUse(col: Column): number {
  if (col.data.type !== "dict") return 0;
  const counts = countLevels(col.data.codes, col.data.levels.length);
  let k = 0;
  for (const c of counts) if (c > 0) k++;
  return k;
}

function step(
  id: string,
  type: string,
  columns: StepConfig["columns"],
  params: Record<string, unknown>,
  reason: string,
): StepConfig {
  return { id, type, enabled: true, columns, params, reason };
}

/**
 * The default recipe for a frame and target, each step with the sentence that explains it:
 * 1. drop identifier, constant and free-text columns;
 * 2. date parts for datetime columns (only when the features module registers "date_parts");
 * 3. impute numeric columns with the training median, flagging columns over 5% missing;
 * 4. impute categorical columns with the most frequent level (when any are missing);
 * 5. one-hot encode categoricals with at most 100 levels and 10 rows per level;
 * 6. target-encode the others (frequency-encode without a target);
 * 7. standardise numeric columns, marked `for_models: "scaling"` (linear, kNN, MLP; trees skip it);
 * 8. balanced class weights when a multiclass target is imbalanced.
 */
export function proposeRecipe(frame: Frame, opts: ProposeOptions): Recipe {
  const { target, task, profile } = opts;
  const steps: StepConfig[] = [];
  const features = frame.columns.filter((c) => c.role === "feature" && c.name !== target);

  const reasons = new Map<string, string[]>();
  const kept: Column[] = [];
  for (const col of features) {
    const why = dropReason(col, profile);
    if (why) reasons.set(why, [...(reasons.get(why) ?? []), col.name]);
    else kept.push(col);
  }
  if (reasons.size > 0) {
    const parts: string[] = [];
    const ids = reasons.get("an identifier");
    if (ids)
      parts.push(
        `${quoted(ids)} ${ids.length > 1 ? "identify rows" : "identifies rows"} rather than describe them`,
      );
    const constant = reasons.get("constant");
    if (constant) parts.push(`${quoted(constant)} ${constant.length > 1 ? "have" : "has"} a single value`);
    const text = reasons.get("free text");
    if (text)
      parts.push(
        `${quoted(text)} ${text.length > 1 ? "are" : "is"} free text, which needs a text feature step`,
      );
    const dropped = [...reasons.values()].flat();
    steps.push(
      step(
        "drop_columns",
        "drop_columns",
        dropped,
        {},
        `${parts.join("; ")}: none can help a model, so ${dropped.length > 1 ? "they are" : "it is"} dropped.`,
      ),
    );
  }

  const dates = kept.filter((c) => c.kind === "datetime");
  if (dates.length > 0 && hasStep("date_parts")) {
    steps.push(
      step(
        "date_parts",
        "date_parts",
        dates.map((c) => c.name),
        { ...getStepInfo("date_parts").defaults },
        `${quoted(dates.map((c) => c.name))} ${dates.length > 1 ? "are dates" : "is a date"}: parts such as year, month and day of week are easier for a model to use than a raw timestamp.`,
      ),
    );
  }

  const floats = kept.filter((c) => c.data.type === "float");
  if (floats.length > 0) {
    const shares = floats.map((c) => (frame.rows > 0 ? countMissing(c) / frame.rows : 0));
    const withMissing = shares.filter((s) => s > 0).length;
    const flagged = shares.filter((s) => s > INDICATOR_SHARE).length;
    const reason =
      withMissing > 0
        ? `${plural(withMissing, "numeric column has", "numeric columns have")} missing values (up to ${percent(Math.max(...shares))}): the training median fills them${flagged > 0 ? `, and ${plural(flagged, "column")} missing over ${percent(INDICATOR_SHARE)} ${flagged > 1 ? "get" : "gets"} a 0/1 flag` : ""}.`
        : "No numeric values are missing now; the training median fills any missing in new data.";
    steps.push(
      step(
        "impute_numeric",
        "impute",
        "auto",
        { strategy: "median", add_indicator: true, indicator_threshold: INDICATOR_SHARE, scope: "numeric" },
        reason,
      ),
    );
  }

  const categorical = kept.filter((c) => c.kind === "categorical" && c.data.type === "dict");
  const catMissing = categorical.filter((c) => countMissing(c) > 0);
  if (catMissing.length > 0) {
    steps.push(
      step(
        "impute_categorical",
        "impute",
        "auto",
        { strategy: "most_frequent", scope: "categorical" },
        `${plural(catMissing.length, "categorical column has", "categorical columns have")} missing values: the most frequent training level fills them.`,
      ),
    );
  }

  // One-hot keeps every level's own effect (what the reference scores in shared/datasets use);
  // only levels too many for the rows go to target encoding, which can overfit small data.
  const levels = new Map(categorical.map((c) => [c.name, levelsInUse(c)]));
  const oneHotCap = Math.min(ONE_HOT_MAX_LEVELS, Math.floor(frame.rows / ONE_HOT_ROWS_PER_LEVEL));
  const low = categorical.filter((c) => levels.get(c.name)! <= Math.max(oneHotCap, 2)).map((c) => c.name);
  const high = categorical.filter((c) => !low.includes(c.name)).map((c) => c.name);
  if (low.length > 0) {
    steps.push(
      step(
        "one_hot",
        "one_hot",
        low,
        { max_levels: ONE_HOT_MAX_LEVELS },
        `${quoted(low)} ${low.length > 1 ? "have" : "has"} few enough levels for the rows: one 0/1 column per level lets every model use ${low.length > 1 ? "them" : "it"}.`,
      ),
    );
  }
  if (high.length > 0) {
    const many = `${quoted(high)} ${high.length > 1 ? "have" : "has"} more levels than the rows can carry as one column each`;
    steps.push(
      target !== null && task
        ? step(
            "target_encoding",
            "target_encoding",
            high,
            {},
            `${many}: each level becomes the smoothed average target of its training rows, computed out-of-fold.`,
          )
        : step("frequency", "frequency", high, {}, `${many}: each level becomes its share of the rows.`),
    );
  }

  if (kept.some((c) => c.kind === "numeric" || c.kind === "datetime") || high.length > 0) {
    steps.push(
      step(
        "scale",
        "standard",
        "auto",
        { for_models: "scaling" },
        "Linear models, kNN and the neural network need numeric features on one scale; tree models ignore it and skip this step.",
      ),
    );
  }

  const targetCol = target !== null ? frame.columns.find((c) => c.name === target) : undefined;
  // Binary problems are ranked by ROC AUC, which class priors do not move, and weighting only
  // blurs the probabilities; multiclass problems under imbalance are judged by balanced accuracy,
  // which weighting serves directly.
  if (targetCol && task === "multiclass") {
    const y = encodeTarget(targetCol, task);
    const counts = y.classes!.map(() => 0);
    for (const v of y.values) if (!Number.isNaN(v)) counts[v]++;
    const balance = classBalance(y.classes!, counts);
    if (balance?.imbalanced) {
      steps.push(
        step(
          "class_weights",
          "class_weights",
          "auto",
          {},
          `The classes are imbalanced ("${balance.minority}" is ${percent(balance.minorityShare)} of the rows): weighting rows makes each class count equally in training.`,
        ),
      );
    }
  }
  return { version: 1, target, steps };
}
