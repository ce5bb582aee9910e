import { COLUMN_KINDS, isMissing } from "../../data/frame.ts";
import { takeColumnRows, takeFrameRows } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { num, obj } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { dropRowsMissingInfo, type Params } from "./dropRowsMissingInfo.ts";

/** What dropping did to the training rows (new rows are never dropped). */
export interface DropRowsMissingState {
  /** Training rows dropped. */
  dropped: number;
}

/**
 * Drops training rows missing more than `threshold` of the chosen columns' values. Training only:
 * new rows are always kept, since every row of new data needs a prediction.
 */
export const dropRowsMissingStep: StepDef<DropRowsMissingState> = {
  ...dropRowsMissingInfo,
  state: obj({ dropped: num }),
  fit(frame, config, ctx) {
    return dropRowsMissingStep.fitTransform!(frame, config, ctx).state;
  },
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(dropRowsMissingStep, config);
    const cols = selectColumns(frame, config, COLUMN_KINDS);
    if (cols.length === 0) return { state: { dropped: 0 }, frame, target: ctx.target };
    const keep: number[] = [];
    for (let i = 0; i < frame.rows; i++) {
      let missing = 0;
      for (const c of cols) if (isMissing(c, i)) missing++;
      if (missing / cols.length <= p.threshold) keep.push(i);
    }
    if (keep.length === frame.rows) return { state: { dropped: 0 }, frame, target: ctx.target };
    return {
      state: { dropped: frame.rows - keep.length },
      frame: takeFrameRows(frame, keep),
      target: ctx.target && takeColumnRows(ctx.target, keep),
    };
  },
};
