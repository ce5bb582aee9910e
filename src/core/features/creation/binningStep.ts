import { bool, list, nums, obj, oneOf, str, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  floatValues,
  isNumeric,
  namesOf,
  resolveColumns,
  uniqueName,
  withColumns,
} from "../shared/columns.ts";
import { binIndex, equalWidthEdges, quantileEdges } from "./binEdges.ts";
import { type BinEncode, binningInfo, readParams } from "./binningInfo.ts";

/** Fitted state of `binning`. */
export interface BinningState {
  encode: BinEncode;
  keepSource: boolean;
  /** Per column: the inner edges learned from the training rows and the output names. */
  columns: { source: string; edges: number[]; outputs: string[] }[];
}

/**
 * Bins numeric columns: equal-width or quantile edges learned from the training rows, or custom
 * inner edges; the result is the bin index as a number (`bin(x)`, 0 = lowest; missing stays
 * missing) or one 0/1 column per bin (`bin(x)=0`, ...; a missing value is 0 in each). Values
 * outside the training range fall in the first or last bin.
 */
export const binningStep: StepDef<BinningState> = {
  ...binningInfo,
  state: obj({
    encode: oneOf(["ordinal", "onehot"]),
    keepSource: bool,
    columns: list(obj({ source: str, edges: nums, outputs: strs })),
  }),
  fit(frame, config) {
    const { strategy, bins, edges: custom, encode, keepSource } = readParams(config);
    const taken = namesOf(frame);
    const columns = resolveColumns(frame, config, isNumeric, "numeric").map((col) => {
      const values = floatValues(col, config.type);
      const edges =
        strategy === "custom"
          ? custom
          : strategy === "quantile"
            ? quantileEdges(values, bins)
            : equalWidthEdges(values, bins);
      const outputs =
        encode === "ordinal"
          ? [uniqueName(taken, `bin(${col.name})`)]
          : Array.from({ length: edges.length + 1 }, (_, b) => uniqueName(taken, `bin(${col.name})=${b}`));
      return { source: col.name, edges, outputs };
    });
    return { encode, keepSource, columns };
  },
  transform(frame, state, config) {
    const added = state.columns.map(({ source, edges, outputs }) => {
      const x = floatValues(findColumn(frame, source, config.type), config.type);
      const index = x.map((v) => binIndex(edges, v));
      const cols =
        state.encode === "ordinal"
          ? [floatColumn(outputs[0], index)]
          : outputs.map((name, b) =>
              floatColumn(
                name,
                index.map((i) => (i === b ? 1 : 0)),
                "boolean",
              ),
            );
      return [source, cols] as [string, typeof cols];
    });
    return withColumns(frame, added, state.keepSource ? [] : state.columns.map((c) => c.source));
  },
};
