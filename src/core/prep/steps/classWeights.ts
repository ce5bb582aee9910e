import { floatColumn, freeName } from "../columns.ts";
import { readParams } from "../params.ts";
import { nums, obj, str, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { requireClasses } from "../targetValues.ts";
import { classWeightsInfo } from "./classWeightsInfo.ts";

interface Params {
  /** Name of the weight column. */
  name: string;
}

/** Learned class weights and the name of the weight column. */
export interface ClassWeightsState {
  classes: string[];
  /** Weight per class: n / (k * n_c). */
  weights: number[];
  column: string;
}

/**
 * Balanced class weights as scikit-learn's compute_class_weight("balanced"): n / (k * n_c), so
 * every class carries the same total weight. Adds them as a training column with role "weight",
 * which training passes to the model as sample weights; new data gets no weight column.
 */
export const classWeightsStep: StepDef<ClassWeightsState> = {
  ...classWeightsInfo,
  state: obj({ classes: strs, weights: nums, column: str }),
  fit(frame, config, ctx) {
    const p = readParams<Params>(classWeightsStep, config);
    const y = requireClasses(ctx.target, ctx.task, "class_weights");
    const counts = new Array<number>(y.classes.length).fill(0);
    let n = 0;
    for (const c of y.values) {
      if (Number.isNaN(c)) continue;
      counts[c]++;
      n++;
    }
    const k = counts.filter((c) => c > 0).length;
    const weights = counts.map((c) => (c > 0 ? n / (k * c) : 0));
    return {
      classes: y.classes,
      weights,
      column: freeName(p.name, new Set(frame.columns.map((c) => c.name))),
    };
  },
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const state = classWeightsStep.fit(frame, config, ctx);
    const y = requireClasses(ctx.target, ctx.task, "class_weights");
    const values = y.values.map((c) => (!Number.isNaN(c) ? state.weights[c] : 0));
    const unique = new Set(state.weights.filter((w) => w > 0)).size;
    const col = floatColumn(state.column, values, { role: "weight", unique });
    return { state, frame: { rows: frame.rows, columns: [...frame.columns, col] }, target: ctx.target };
  },
};
