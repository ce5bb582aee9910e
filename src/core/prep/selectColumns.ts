import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { getColumn } from "./columns.ts";
import type { StepConfig } from "./step.ts";

/**
 * The columns a step works on. "auto": every feature column of an accepted kind (text is never
 * picked automatically by encoders: see `autoKinds`). A list: each name must exist with an
 * accepted kind, else a ValidationError names the step and the column.
 */
export function selectColumns(
  frame: Frame,
  config: StepConfig,
  accepts: readonly ColumnKind[],
  autoKinds: readonly ColumnKind[] = accepts,
): Column[] {
  if (config.columns === "auto") {
    return frame.columns.filter((c) => c.role === "feature" && autoKinds.includes(c.kind));
  }
  return config.columns.map((name) => {
    const col = getColumn(frame, name, config.type);
    if (!accepts.includes(col.kind)) {
      throw new ValidationError(
        `${config.type}: column "${name}" is ${col.kind}, expected ${accepts.join(" or ")}`,
      );
    }
    return col;
  });
}
