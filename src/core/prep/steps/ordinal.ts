import type { Column } from "../../data/frame.ts";
import { naturalCompare } from "../../framing/naturalCompare.ts";
import { codesOnto, countLevels, floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, obj, oneOf, str, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";
import { ordinalInfo } from "./ordinalInfo.ts";

interface Params {
  /** Column name → its levels from lowest to highest. Columns without one use natural order. */
  order: Record<string, string[]>;
  /** A level outside the order: NaN (missing, for imputation or models that take it) or -1. */
  unknown: "nan" | "minus_one";
}

/** Per column: its levels in rank order. */
export interface OrdinalState {
  unknown: Params["unknown"];
  columns: { name: string; levels: string[] }[];
}

/**
 * Replaces each category by its rank 0, 1, 2, ... in a user-set order (e.g. low < medium < high),
 * or by natural order of the training levels when no order is set. A level outside the order
 * (unseen in training, or missing from a user order) becomes NaN or -1 (`unknown`); missing stays NaN.
 */
export const ordinalStep: StepDef<OrdinalState> = {
  ...ordinalInfo,
  state: obj({ unknown: oneOf(["nan", "minus_one"]), columns: list(obj({ name: str, levels: strs })) }),
  fit(frame, config) {
    const p = readParams<Params>(ordinalStep, config);
    const cols = selectColumns(frame, config, CATEGORY_KINDS, ["categorical"]);
    return {
      unknown: p.unknown,
      columns: cols.map((col) => {
        const given = p.order[col.name];
        if (given) return { name: col.name, levels: [...given] };
        const { codes, levels } = col.data as { codes: Int32Array; levels: string[] };
        const counts = countLevels(codes, levels.length);
        return { name: col.name, levels: levels.filter((_, i) => counts[i] > 0).sort(naturalCompare) };
      }),
    };
  },
  transform(frame, state) {
    const unknown = state.unknown === "nan" ? Number.NaN : -1;
    const replace = new Map<string, Column[]>();
    for (const { name, levels } of state.columns) {
      const col = getColumn(frame, name, "ordinal");
      const codes = codesOnto(col, levels);
      const values = new Float64Array(codes.length);
      for (let i = 0; i < codes.length; i++)
        values[i] = codes[i] >= 0 ? codes[i] : codes[i] === -1 ? Number.NaN : unknown;
      replace.set(name, [floatColumn(name, values, { role: col.role })]);
    }
    return replaceColumns(frame, replace);
  },
};
