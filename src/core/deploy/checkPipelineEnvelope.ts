/**
 * The pipeline's envelope read before anything is rebuilt from it: every header field present
 * with its type, the version one this app reads, and for a single model its recipe and model, for
 * an ensemble each member's. Refusals name the field (`pipeline.inputs[2].kind: ...`), so a
 * missing or mistyped part reads as what it is rather than as a failure deeper down.
 */
import { PIPELINE_TYPE, PIPELINE_VERSION } from "../automl/artifact/pipelineArtifact.ts";
import { COLUMN_KINDS } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { describeValue } from "./readModelCard.ts";

function fail(part: string, problem: string): never {
  throw new ValidationError(`${part}: ${problem}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function object(v: unknown, part: string, keys: readonly string[]): Record<string, unknown> {
  if (!isObject(v)) fail(part, `expected an object, got ${describeValue(v)}`);
  for (const key of keys) if (!Object.hasOwn(v, key)) fail(part, `missing "${key}"`);
  return v;
}

function typed(v: unknown, part: string, type: "string" | "number"): void {
  if (typeof v !== type)
    fail(part, `expected ${type === "string" ? "text" : "a number"}, got ${describeValue(v)}`);
}

/** A model or recipe artifact's own tag: an object with a `type` text (its reader checks the rest). */
function tagged(v: unknown, part: string): void {
  const o = object(v, part, ["type"]);
  typed(o.type, `${part}.type`, "string");
}

/** A fitted recipe's list of steps, each with its id, type and (possibly null) state present. */
function recipeSteps(v: unknown, part: string): void {
  const o = object(v, part, ["steps"]);
  if (!Array.isArray(o.steps)) fail(`${part}.steps`, `expected a list, got ${describeValue(o.steps)}`);
  o.steps.forEach((step, i) => {
    const s = object(step, `${part}.steps[${i}]`, ["id", "type", "state"]);
    typed(s.type, `${part}.steps[${i}].type`, "string");
  });
}

const HEADER = [
  "type",
  "version",
  "created",
  "target",
  "task",
  "metric",
  "classes",
  "inputs",
  "model_id",
  "label",
];

/** Checks the envelope of a pipeline artifact; throws a ValidationError naming the first bad field. */
export function checkPipelineEnvelope(raw: unknown, part = "pipeline"): void {
  const p = object(raw, part, HEADER);
  if (p.type !== PIPELINE_TYPE)
    fail(`${part}.type`, `expected "${PIPELINE_TYPE}", got ${describeValue(p.type)}`);
  if (p.version !== PIPELINE_VERSION) {
    const v =
      typeof p.version === "number" ? `version ${p.version}` : `a version of ${describeValue(p.version)}`;
    fail(part, `${v} is not one this app reads (it reads version ${PIPELINE_VERSION})`);
  }
  for (const key of ["created", "target", "task", "metric", "model_id", "label"])
    typed(p[key], `${part}.${key}`, "string");
  if (p.classes !== null) {
    if (!Array.isArray(p.classes))
      fail(`${part}.classes`, `expected a list or null, got ${describeValue(p.classes)}`);
    p.classes.forEach((c, i) => {
      typed(c, `${part}.classes[${i}]`, "string");
    });
  }
  if (!Array.isArray(p.inputs)) fail(`${part}.inputs`, `expected a list, got ${describeValue(p.inputs)}`);
  p.inputs.forEach((input, i) => {
    const o = object(input, `${part}.inputs[${i}]`, ["name", "kind"]);
    typed(o.name, `${part}.inputs[${i}].name`, "string");
    if (!COLUMN_KINDS.includes(o.kind as never))
      fail(
        `${part}.inputs[${i}].kind`,
        `expected one of ${COLUMN_KINDS.join(", ")}, got ${describeValue(o.kind)}`,
      );
  });
  if (p.model_id === "ensemble") {
    if (!Array.isArray(p.members) || p.members.length === 0)
      fail(`${part}.members`, `expected a list of members, got ${describeValue(p.members)}`);
    p.members.forEach((m, i) => {
      const at = `${part}.members[${i}]`;
      const o = object(m, at, ["model_id", "label", "weight", "recipe", "model"]);
      typed(o.model_id, `${at}.model_id`, "string");
      if (typeof o.weight !== "number" || !(o.weight > 0))
        fail(`${at}.weight`, `expected a number above 0, got ${describeValue(o.weight)}`);
      tagged(o.recipe, `${at}.recipe`);
      recipeSteps(o.recipe, `${at}.recipe`);
      tagged(o.model, `${at}.model`);
    });
  } else {
    object(p, part, ["recipe", "model"]);
    tagged(p.recipe, `${part}.recipe`);
    recipeSteps(p.recipe, `${part}.recipe`);
    tagged(p.model, `${part}.model`);
  }
}
