import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { getColumn } from "./columns.ts";
import type { StepConfig } from "./step.ts";

/** Kinds kept as floats (numbers, epoch ms, 0/1). */
export const FLOAT_KINDS: readonly ColumnKind[] = ["numeric", "datetime", "boolean"];
/** Kinds a scaler works on: 0/1 indicators stay as they are. */
export const SCALE_KINDS: readonly ColumnKind[] = ["numeric", "datetime"];
/** Kinds an encoder turns into numbers. */
export const CATEGORY_KINDS: readonly ColumnKind[] = ["categorical", "text"];

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

/** The columns of a config in words, for `describe`: `"a", "b" and 2 more`, or `auto` when "auto". */
export function columnsPhrase(config: StepConfig, auto: string, max = 3): string {
  if (config.columns === "auto") return auto;
  const names = config.columns.map((n) => `"${n}"`);
  if (names.length === 0) return "no columns";
  if (names.length === 1) return names[0];
  if (names.length <= max) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** A share as a percentage for sentences: 0.05 → "5%". */
export function percent(x: number): string {
  return `${Number((100 * x).toPrecision(3))}%`;
}
