import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

export interface Params {
  standardize: boolean;
}

/** Makes skewed numeric columns more normal-shaped, then (by default) standardises them. */
export const yeoJohnsonInfo: StepInfo = {
  type: "yeo_johnson",
  label: "Yeo-Johnson transform",
  category: "scaling",
  defaults: { standardize: true },
  params: { standardize: { type: "boolean", doc: "centre and scale the result" } },
  accepts: ["numeric"],
  describe: (config) =>
    `Reshapes ${columnsPhrase(config, "every numeric column")} towards a normal distribution with a power fitted on the training rows${readParams<Params>(yeoJohnsonInfo, config).standardize ? ", then standardises" : ""}.`,
  validate: (config) => checkParams(yeoJohnsonInfo, config),
};
