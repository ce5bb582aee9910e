import { ValidationError } from "../errors.ts";
import type { Recipe, StepConfig } from "../prep/step.ts";
import { getStepInfo, hasStep } from "./stepCatalogue.ts";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** Problems with one step entry; `where` is "step 3" or "step 3 (impute)". */
function stepProblems(raw: unknown, index: number, ids: Set<string>): string[] {
  const at = `step ${index + 1}`;
  if (!isObject(raw)) return [`${at}: expected an object, got ${show(raw)}`];
  const type = raw.type;
  if (typeof type !== "string") return [`${at}: type: expected a step type, got ${show(type)}`];
  if (!hasStep(type)) return [`${at}: type: unknown step "${type}"`];
  const where = `${at} (${type})`;
  const out: string[] = [];
  if (typeof raw.id !== "string" || raw.id === "")
    out.push(`${where}: id: expected non-empty text, got ${show(raw.id)}`);
  else if (ids.has(raw.id)) out.push(`${where}: id: "${raw.id}" is used by an earlier step`);
  else ids.add(raw.id);
  if (typeof raw.enabled !== "boolean")
    out.push(`${where}: enabled: expected true or false, got ${show(raw.enabled)}`);
  const cols = raw.columns;
  if (cols !== "auto" && !(Array.isArray(cols) && cols.every((c) => typeof c === "string"))) {
    out.push(`${where}: columns: expected "auto" or a list of column names, got ${show(cols)}`);
  }
  if (!isObject(raw.params)) out.push(`${where}: params: expected an object, got ${show(raw.params)}`);
  if (raw.reason !== undefined && typeof raw.reason !== "string")
    out.push(`${where}: reason: expected text, got ${show(raw.reason)}`);
  if (out.length > 0) return out;
  const def = getStepInfo(type);
  try {
    def.validate?.(raw as unknown as StepConfig);
  } catch (err) {
    if ((err as Error).name !== "ValidationError") throw err;
    const msg = (err as Error).message;
    out.push(`${where}: ${msg.startsWith(`${type}: `) ? msg.slice(type.length + 2) : msg}`);
  }
  return out;
}

/**
 * Every problem with a recipe as read from a file or built by the UI, one line each, naming the
 * step (1-based, as a person counts) and the field: `step 2 (impute): params.strategy: expected
 * one of mean | median | most_frequent | constant | knn, got "avg"`. Empty when it is valid.
 */
export function recipeProblems(json: unknown): string[] {
  if (!isObject(json)) return [`recipe: expected an object, got ${show(json)}`];
  const out: string[] = [];
  if (json.version !== 1) out.push(`recipe.version: expected 1, got ${show(json.version)}`);
  if (json.target !== null && typeof json.target !== "string") {
    out.push(`recipe.target: expected a column name or null, got ${show(json.target)}`);
  }
  if (!Array.isArray(json.steps))
    return [...out, `recipe.steps: expected a list of steps, got ${show(json.steps)}`];
  const ids = new Set<string>();
  for (const [i, s] of json.steps.entries()) out.push(...stepProblems(s, i, ids));
  return out;
}

/** The recipe, checked: a ValidationError lists every problem (see `recipeProblems`). */
export function validateRecipe(json: unknown): Recipe {
  const problems = recipeProblems(json);
  if (problems.length > 0) {
    throw new ValidationError(`invalid recipe: ${problems.join("; ")}`);
  }
  return json as Recipe;
}
