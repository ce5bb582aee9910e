import { takeColumnRows, takeFrameRows } from "../columns.ts";
import { readParams } from "../params.ts";
import type { StepDef } from "../step.ts";
import { requireClasses } from "../targetValues.ts";
import { randomOversampleInfo } from "./randomOversampleInfo.ts";
import { oversampleTargets, RESAMPLE_STATE, type ResampleState, rowsByClass } from "./resample.ts";

interface Params {
  sampling_strategy: number;
}

/**
 * Random oversampling (imbalanced-learn's RandomOverSampler): repeats randomly drawn rows of each
 * smaller class (with replacement, seeded) until it reaches `sampling_strategy` times the largest.
 * The copies follow the original rows. Training only.
 */
export const randomOversampleStep: StepDef<ResampleState> = {
  ...randomOversampleInfo,
  state: RESAMPLE_STATE,
  fit: (frame, config, ctx) => randomOversampleStep.fitTransform!(frame, config, ctx).state,
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(randomOversampleStep, config);
    const y = requireClasses(ctx.target, ctx.task, "random_oversample");
    const groups = rowsByClass(y.values, y.classes.length);
    const before = groups.map((g) => g.length);
    const after = oversampleTargets(before, p.sampling_strategy);
    const rng = ctx.rng.fork();
    const idx = Array.from({ length: frame.rows }, (_, i) => i);
    groups.forEach((g, c) => {
      for (let j = g.length; j < after[c]; j++) idx.push(g[rng.int(g.length)]);
    });
    const state = { classes: y.classes, before, after };
    if (idx.length === frame.rows) return { state, frame, target: ctx.target };
    return { state, frame: takeFrameRows(frame, idx), target: takeColumnRows(ctx.target!, idx) };
  },
};
