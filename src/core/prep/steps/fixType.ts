import { convertColumn } from "../../data/convertColumn.ts";
import { COLUMN_KINDS, type Column, type ColumnKind } from "../../data/frame.ts";
import { getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { obj, oneOf, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { fixTypeInfo, type Params } from "./fixTypeInfo.ts";

/** The re-typed columns and their new kind. */
export interface FixTypeState {
  columns: string[];
  kind: ColumnKind;
}

/**
 * Re-types the listed columns (see convertColumn: text that does not parse becomes missing).
 * Turning a column into an "id" takes it out of the features.
 */
export const fixTypeStep: StepDef<FixTypeState> = {
  ...fixTypeInfo,
  state: obj({ columns: strs, kind: oneOf(COLUMN_KINDS) }),
  fit(frame, config) {
    const p = readParams<Params>(fixTypeStep, config);
    return { columns: selectColumns(frame, config, COLUMN_KINDS).map((c) => c.name), kind: p.kind };
  },
  transform(frame, state) {
    const replace = new Map<string, Column[]>();
    for (const name of state.columns) {
      const col = getColumn(frame, name, "fix_type");
      replace.set(name, [col.kind === state.kind ? col : convertColumn(col, state.kind)]);
    }
    return replaceColumns(frame, replace);
  },
};
