import { takeColumnRows, takeFrameRows } from "../columns.ts";
import { readParams } from "../params.ts";
import type { StepDef } from "../step.ts";
import { requireClasses } from "../targetValues.ts";
import { randomUndersampleInfo } from "./randomUndersampleInfo.ts";
import { RESAMPLE_STATE, type ResampleState, rowsByClass, undersampleTargets } from "./resample.ts";

interface Params {
  sampling_strategy: number;
}

/**
 * Random undersampling (imbalanced-learn's RandomUnderSampler): keeps a seeded random subset of
 * each larger class so that the smallest is `sampling_strategy` times its size. Kept rows stay in
 * their original order. Training only.
 */
export const randomUndersampleStep: StepDef<ResampleState> = {
  ...randomUndersampleInfo,
  state: RESAMPLE_STATE,
  fit: (frame, config, ctx) => randomUndersampleStep.fitTransform!(frame, config, ctx).state,
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(randomUndersampleStep, config);
    const y = requireClasses(ctx.target, ctx.task, "random_undersample");
    const groups = rowsByClass(y.values, y.classes.length);
    const before = groups.map((g) => g.length);
    const after = undersampleTargets(before, p.sampling_strategy);
    const rng = ctx.rng.fork();
    const keep = new Uint8Array(frame.rows);
    groups.forEach((g, c) => {
      // Partial Fisher-Yates: the first after[c] rows of a seeded shuffle of the class.
      const rows = [...g];
      for (let j = 0; j < after[c]; j++) {
        const r = j + rng.int(rows.length - j);
        [rows[j], rows[r]] = [rows[r], rows[j]];
        keep[rows[j]] = 1;
      }
    });
    const idx: number[] = [];
    for (let i = 0; i < frame.rows; i++) if (keep[i]) idx.push(i);
    const state = { classes: y.classes, before, after };
    if (idx.length === frame.rows) return { state, frame, target: ctx.target };
    return { state, frame: takeFrameRows(frame, idx), target: takeColumnRows(ctx.target!, idx) };
  },
};
