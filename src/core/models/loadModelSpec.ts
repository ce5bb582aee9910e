import { MLP_META } from "./mlp/meta.ts";
import { type ModelSpec, SYNC_MODELS } from "./syncModels.ts";

/**
 * Every registered model's id in the registry's order (`MODELS`), known without loading the
 * registry: the synchronous families, then the neural net.
 */
export const MODEL_IDS: readonly string[] = [...SYNC_MODELS.map((m) => m.id), MLP_META.id];

/**
 * A model's spec, the same object the registry holds (`getModel`), for code that may wait: the
 * synchronous families come from `syncModels.ts`, and the registry, which imports the neural net
 * and with it tfjs, is loaded only for a model outside them. A fold thread or worker that trains
 * gbdt so never loads tfjs (measured ~100 MB of memory per Node thread). ValidationError for an
 * unknown id, as `getModel`.
 */
export async function loadModelSpec(id: string): Promise<ModelSpec> {
  return SYNC_MODELS.find((m) => m.id === id) ?? (await import("./registry.ts")).getModel(id);
}
