import { ValidationError } from "../errors.ts";
import { checkState } from "../prep/stateShape.ts";
import type { FittedRecipe } from "./fittedRecipe.ts";
import { hasStep } from "./stepCatalogue.ts";
import { getStep } from "./stepRegistry.ts";
import { validateRecipe } from "./validateRecipe.ts";

/** Tag and version of the fitted-recipe file format. */
export const RECIPE_ARTIFACT_TYPE = "recipe";
export const RECIPE_ARTIFACT_VERSION = 1;

/** The file form of a fitted recipe. */
export interface FittedRecipeJSON extends FittedRecipe {
  type: "recipe";
  version: 1;
}

const NUM = "$num";

/**
 * A JSON-safe copy of plain data. JSON has no NaN or infinities (JSON.stringify writes null), yet
 * states hold them (a median of nothing, open outlier fences): they travel as
 * {"$num": "NaN" | "Infinity" | "-Infinity"}. Typed arrays become plain arrays.
 */
export function encode(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : { [NUM]: String(v) };
  if (Array.isArray(v)) return v.map(encode);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, encode);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  }
  return v;
}

/** The inverse of `encode`. */
export function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v === "object" && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === NUM) return Number((v as Record<string, string>)[NUM]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** The tagged, JSON-safe form of a fitted recipe ({type: "recipe", version: 1, ...}). */
export function fittedRecipeToJSON(fitted: FittedRecipe): FittedRecipeJSON {
  return { type: "recipe", version: 1, ...(encode(fitted) as FittedRecipe) };
}

/**
 * A fitted recipe back from its JSON form: checks the tag and version, the recipe, that every
 * fitted step is registered and matches an enabled step of the recipe, and each state's shape.
 */
export function fittedRecipeFromJSON(json: unknown): FittedRecipe {
  const a = json as Partial<FittedRecipeJSON> | null;
  if (a?.type !== RECIPE_ARTIFACT_TYPE)
    throw new ValidationError(`not a recipe artifact: ${String(a?.type)}`);
  if (a.version !== RECIPE_ARTIFACT_VERSION) {
    throw new ValidationError(
      `unsupported recipe artifact version ${a.version} (expected ${RECIPE_ARTIFACT_VERSION})`,
    );
  }
  const { type: _t, version: _v, ...rest } = decode(a) as FittedRecipeJSON;
  validateRecipe(rest.recipe);
  if (!Array.isArray(rest.inputs) || !Array.isArray(rest.steps) || !Array.isArray(rest.features)) {
    throw new ValidationError("invalid recipe artifact: inputs, steps and features must be lists");
  }
  const enabled = rest.recipe.steps.filter((s) => s.enabled);
  rest.steps.forEach((s, i) => {
    if (!hasStep(s?.type))
      throw new ValidationError(`invalid recipe artifact: fitted step ${i + 1}: unknown step ${s?.type}`);
    if (enabled[i]?.id !== s.id || enabled[i]?.type !== s.type) {
      throw new ValidationError(
        `invalid recipe artifact: fitted step ${i + 1} ("${s.id}") does not match the recipe`,
      );
    }
    checkState(s.type, s.id, s.state, getStep(s.type).state);
  });
  if (rest.steps.length !== enabled.length) {
    throw new ValidationError(
      `invalid recipe artifact: ${rest.steps.length} fitted steps for ${enabled.length} enabled steps`,
    );
  }
  return rest;
}
