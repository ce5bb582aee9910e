import { ValidationError } from "../../errors.ts";
import type { Task } from "../../models/estimator.ts";
// The catalogue, not the registry: planning a ladder loads no tfjs (the fold jobs load what they fit).
import { MODEL_CATALOGUE as MODELS } from "../../models/loadModelSpec.ts";
import type { ModelId, ModelSpec } from "../../models/registry.ts";
import { LADDER_ORDER } from "./ladderOrder.ts";

export { LADDER_ORDER };

/** Every registered model id, for messages that list the valid ones. */
export function knownModelIds(): ModelId[] {
  return MODELS.map((m) => m.id);
}

/**
 * The specs a ladder runs for a task, in ladder order: `ids` when given (ValidationError for an
 * id no model has), else the whole ladder. Models that do not handle the task (linear for
 * classes, logistic and naive Bayes for values) are left out, as are ids not registered yet.
 */
export function ladderModels(task: Task, ids?: readonly string[]): ModelSpec[] {
  if (ids) {
    const unknown = ids.filter((id) => !MODELS.some((m) => m.id === id));
    if (unknown.length > 0) {
      throw new ValidationError(
        `unknown model${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}: the models are ${knownModelIds().join(", ")}`,
      );
    }
  }
  const wanted = new Set<string>(ids ?? LADDER_ORDER);
  const order = [...LADDER_ORDER, ...MODELS.map((m) => m.id).filter((id) => !LADDER_ORDER.includes(id))];
  return order
    .filter((id) => wanted.has(id))
    .map((id) => MODELS.find((m) => m.id === id))
    .filter((m): m is ModelSpec => m?.tasks.includes(task) ?? false);
}
