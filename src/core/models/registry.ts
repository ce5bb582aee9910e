import { ValidationError } from "../errors.ts";
import type { Estimator, Task } from "./estimator.ts";
import { MLP_META } from "./mlp/meta.ts";
import { Mlp } from "./mlp/mlp.ts";
import { defineModel, type ModelSpec, SYNC_MODELS } from "./syncModels.ts";

export type { ModelId, ModelMeta, ModelParams, ParamRange, ParamSpace } from "./modelMeta.ts";
export {
  capability,
  defineModel,
  type EstimatorClass,
  fitNow,
  type ModelSpec,
  modelLabel,
} from "./syncModels.ts";

/** The registered models, simplest first (the order the ladder tries them). */
export const MODELS: ModelSpec[] = [
  ...SYNC_MODELS,
  // ---- MLP (mlp, usesTfjs: true, asyncFit): one line here. ----
  defineModel(MLP_META, Mlp),
];

/** The spec of a model id; ValidationError for an unknown one. */
export function getModel(id: string): ModelSpec {
  const spec = MODELS.find((m) => m.id === id);
  if (!spec) throw new ValidationError(`unknown model: ${id}`);
  return spec;
}

/** The registered models that handle a task. */
export function modelsForTask(task: Task): ModelSpec[] {
  return MODELS.filter((m) => m.tasks.includes(task));
}

/** The spec whose artifacts carry this type tag, if any. */
function specOfType(tag: unknown): ModelSpec | undefined {
  return MODELS.find((m) => (m.artifactType ?? m.id) === tag);
}

/** Rebuilds a fitted estimator from an untrusted artifact, picking the class by its type tag. */
export function modelFromJSON(artifact: unknown): Estimator {
  const tag =
    typeof artifact === "object" && artifact !== null && Object.hasOwn(artifact, "type")
      ? (artifact as { type: unknown }).type
      : undefined;
  const spec = specOfType(tag);
  if (!spec)
    throw new ValidationError(
      `unknown model artifact: ${typeof tag === "string" ? tag.slice(0, 40) : String(tag)}`,
    );
  return spec.fromJSON(artifact);
}
