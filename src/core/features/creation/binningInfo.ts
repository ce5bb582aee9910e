import { ValidationError } from "../../errors.ts";
import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { boolParam, checkConfig, enumParam, intParam, numberListParam } from "../shared/params.ts";

/** How bin edges are chosen: equal widths or quantiles of the training rows, or given. */
export type BinStrategy = "equal_width" | "quantile" | "custom";

/** Output: one bin-index column, or one 0/1 column per bin. */
export type BinEncode = "ordinal" | "onehot";

export function readParams(config: StepConfig) {
  const strategy = enumParam<BinStrategy>(
    config,
    "strategy",
    ["equal_width", "quantile", "custom"],
    "quantile",
  );
  const edges = numberListParam(config, "edges", "");
  if (strategy === "custom") {
    if (edges.length === 0 || edges.some((e, i) => i > 0 && e <= edges[i - 1])) {
      throw new ValidationError(
        `${config.type}: params.edges: need ascending numbers, got ${JSON.stringify(edges)}`,
      );
    }
  }
  return {
    strategy,
    bins: intParam(config, "bins", 5, 2, 100),
    edges,
    encode: enumParam<BinEncode>(config, "encode", ["ordinal", "onehot"], "ordinal"),
    keepSource: boolParam(config, "keep_source", true),
  };
}

/**
 * Bins numeric columns: equal-width or quantile edges learned from the training rows, or custom
 * inner edges; the result is the bin index as a number (`bin(x)`, 0 = lowest; missing stays
 * missing) or one 0/1 column per bin (`bin(x)=0`, ...; a missing value is 0 in each). Values
 * outside the training range fall in the first or last bin.
 */
export const binningInfo: StepInfo = {
  type: "binning",
  label: "Binning",
  category: "features",
  defaults: { strategy: "quantile", bins: 5, edges: "", encode: "ordinal", keep_source: true },
  params: {
    strategy: { type: "enum", values: ["equal_width", "quantile", "custom"] },
    bins: {
      type: "number",
      min: 2,
      max: 100,
      integer: true,
      doc: "Bins per column (equal_width, quantile).",
    },
    edges: { type: "string", doc: 'Custom inner edges, ascending: "0, 10, 100".' },
    encode: { type: "enum", values: ["ordinal", "onehot"] },
    keep_source: { type: "boolean" },
  },
  accepts: ["numeric"],
  describe(config) {
    const { strategy, bins, edges, encode } = readParams(config);
    const how =
      strategy === "custom" ? `at ${edges.join(", ")}` : `into ${bins} ${strategy.replace("_", "-")} bins`;
    return `Bins numeric columns ${how}, as ${encode === "onehot" ? "one-hot columns" : "a bin index"}.`;
  },
  validate: (config) => checkConfig(binningInfo, config, readParams),
};
