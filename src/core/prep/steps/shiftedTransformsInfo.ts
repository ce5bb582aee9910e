/** Catalogue parts of the log1p and square-root steps (implementations in shiftedTransforms.ts). */
import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams } from "../params.ts";
import type { StepInfo } from "../step.ts";

function shiftInfo(type: string, label: string, verb: string): StepInfo {
  const info: StepInfo = {
    type,
    label,
    category: "scaling",
    defaults: {},
    params: {},
    accepts: ["numeric"],
    describe: (config) =>
      `${verb} ${columnsPhrase(config, "every numeric column")}, shifted first when the training values go below zero.`,
    validate: (config) => checkParams(info, config),
  };
  return info;
}

/** log1p(x + shift). */
export const logInfo = shiftInfo("log", "Log transform", "Takes log(1 + x) of");

/** sqrt(x + shift). */
export const sqrtInfo = shiftInfo("sqrt", "Square root", "Takes the square root of");
