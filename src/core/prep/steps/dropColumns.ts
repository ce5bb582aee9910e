import { COLUMN_KINDS } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { countMissing, dropColumns as withoutColumns } from "../columns.ts";
import { checkParams, readParams } from "../params.ts";
import { columnsPhrase, percent, selectColumns } from "../selectColumns.ts";
import type { StepDef } from "../step.ts";

interface Params {
  /** Drop only the chosen columns whose training missing share exceeds this; null drops them all. */
  missing_threshold: number | null;
}

/** The columns that go, as decided on the training rows. */
export interface DropColumnsState {
  drop: string[];
}

/**
 * Drops columns: the listed ones, or (with `missing_threshold`) those of the listed / all feature
 * columns missing in more than that share of the training rows. New data loses the same columns.
 */
export const dropColumnsStep: StepDef<DropColumnsState> = {
  type: "drop_columns",
  label: "Drop columns",
  category: "cleaning",
  defaults: { missing_threshold: null },
  params: {
    missing_threshold: {
      type: "number",
      min: 0,
      max: 1,
      nullable: true,
      doc: "missing share above which a column goes",
    },
  },
  accepts: COLUMN_KINDS,
  describe(config) {
    const p = readParams<Params>(dropColumnsStep, config);
    if (p.missing_threshold === null) return `Drops ${columnsPhrase(config, "no columns")}.`;
    const which = columnsPhrase(config, "any column");
    return `Drops ${which === "any column" ? which : `any of ${which}`} missing in more than ${percent(p.missing_threshold)} of the training rows.`;
  },
  validate(config) {
    checkParams(dropColumnsStep, config);
    if (config.columns === "auto" && readParams<Params>(dropColumnsStep, config).missing_threshold === null) {
      throw new ValidationError("drop_columns: list the columns or set params.missing_threshold");
    }
  },
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
