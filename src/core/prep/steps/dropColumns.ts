import { COLUMN_KINDS } from "../../data/frame.ts";
import { countMissing, dropColumns as withoutColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { obj, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { dropColumnsInfo, type Params } from "./dropColumnsInfo.ts";

/** The columns that go, as decided on the training rows. */
export interface DropColumnsState {
  drop: string[];
}

/**
 * Drops columns: the listed ones, or (with `missing_threshold`) those of the listed / all feature
 * columns missing in more than that share of the training rows. New data loses the same columns.
 */
export const dropColumnsStep: StepDef<DropColumnsState> = {
  ...dropColumnsInfo,
  state: obj({ drop: strs }),
  fit(frame, config) {
    const p = readParams<Params>(dropColumnsStep, config);
    const cols = selectColumns(frame, config, COLUMN_KINDS);
    const t = p.missing_threshold;
    const drop = t === null ? cols : cols.filter((c) => frame.rows > 0 && countMissing(c) / frame.rows > t);
    return { drop: drop.map((c) => c.name) };
  },
  transform(frame, state) {
    return withoutColumns(frame, state.drop);
  },
};
