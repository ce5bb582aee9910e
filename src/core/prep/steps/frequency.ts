import type { Column } from "../../data/frame.ts";
import { codesOnto, countLevels, floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, num, nums, obj, str, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";
import { frequencyInfo } from "./frequencyInfo.ts";

/** Per column: training levels with their share of rows, and the share of missing values. */
export interface FrequencyState {
  columns: { name: string; levels: string[]; share: number[]; missing: number }[];
}

/**
 * Replaces each category by its share of the training rows (CountEncoder with normalize=True, as
 * in category_encoders). Missing values are a category of their own (their training share); a
 * level unseen in training gets 0.
 */
export const frequencyStep: StepDef<FrequencyState> = {
  ...frequencyInfo,
  state: obj({ columns: list(obj({ name: str, levels: strs, share: nums, missing: num })) }),
  fit(frame, config) {
    const cols = selectColumns(frame, config, CATEGORY_KINDS, ["categorical"]);
    const n = Math.max(1, frame.rows);
    return {
      columns: cols.map((col) => {
        const { codes, levels } = col.data as { codes: Int32Array; levels: string[] };
        const counts = countLevels(codes, levels.length);
        const used = levels.map((_, i) => i).filter((i) => counts[i] > 0);
        let missing = frame.rows;
        for (const i of used) missing -= counts[i];
        return {
          name: col.name,
          levels: used.map((i) => levels[i]),
          share: used.map((i) => counts[i] / n),
          missing: missing / n,
        };
      }),
    };
  },
  transform(frame, state) {
    const replace = new Map<string, Column[]>();
    for (const e of state.columns) {
      const col = getColumn(frame, e.name, "frequency");
      const codes = codesOnto(col, e.levels);
      const values = new Float64Array(codes.length);
      // Distinct outputs from the distinct codes (a pass over a few levels, not a million floats).
      const outputs = new Set<number>();
      const seen = new Uint8Array(e.levels.length + 2);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        values[i] = c >= 0 ? e.share[c] : c === -1 ? e.missing : 0;
        if (!seen[c + 2]) {
          seen[c + 2] = 1;
          outputs.add(values[i]);
        }
      }
      replace.set(e.name, [
        floatColumn(e.name, values, { role: col.role, missing: 0, unique: outputs.size }),
      ]);
    }
    return replaceColumns(frame, replace);
  },
};
