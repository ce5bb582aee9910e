import type { Estimator } from "./estimator.ts";
import { MLP_META, type MlpParams } from "./mlp/meta.ts";
import type { ModelParams } from "./modelMeta.ts";
import { defineModel, type EstimatorClass, type ModelSpec, SYNC_MODELS } from "./syncModels.ts";

/**
 * Every registered model's id in the registry's order (`MODELS`), known without loading the
 * registry: the synchronous families, then the neural net.
 */
export const MODEL_IDS: readonly string[] = [...SYNC_MODELS.map((m) => m.id), MLP_META.id];

/** The registry, once `loadModelSpec` has loaded it. */
let registry: typeof import("./registry.ts") | undefined;

/**
 * A model's spec, the same object the registry holds (`getModel`), for code that may wait: the
 * synchronous families come from `syncModels.ts`, and the registry, which imports the neural net
 * and with it tfjs, is loaded only for a model outside them. A fold thread or worker that trains
 * gbdt so never loads tfjs (measured ~100 MB of memory per Node thread). ValidationError for an
 * unknown id, as `getModel`.
 */
export async function loadModelSpec(id: string): Promise<ModelSpec> {
  const spec = SYNC_MODELS.find((m) => m.id === id);
  if (spec) return spec;
  registry ??= await import("./registry.ts");
  return registry.getModel(id);
}

/** The registry's neural net; an Error until `loadModelSpec` has loaded the registry. */
function loadedNet(): ModelSpec {
  if (!registry)
    throw new Error(`the neural net's code is not loaded: await loadModelSpec("${MLP_META.id}") first`);
  return registry.getModel(MLP_META.id);
}

/** Stands in for the net's class in the catalogue: builds and restores through the loaded registry. */
const DeferredNet = Object.assign(
  function DeferredNet(params?: Partial<MlpParams>): Estimator {
    return loadedNet().create(params as ModelParams);
  },
  { fromJSON: (artifact: unknown) => loadedNet().fromJSON(artifact) },
) as unknown as EstimatorClass<MlpParams>;

/**
 * Every registered model's spec in the registry's order, without loading the registry (and with it
 * tfjs): the synchronous families' own specs, and for the neural net a spec with the registry's
 * catalogue fields (the same meta through the same `defineModel`) whose `create` and `fromJSON`
 * work once `loadModelSpec("mlp")` has loaded the registry (an Error before). For code that reads
 * the catalogue (ids, tasks, labels, defaults, search spaces) and hands the fitting to fold jobs,
 * which get their specs from `loadModelSpec`: the ladder's planning in the command line's own
 * process, which so never loads tfjs for a run without the net (~100 MB).
 */
export const MODEL_CATALOGUE: readonly ModelSpec[] = [...SYNC_MODELS, defineModel(MLP_META, DeferredNet)];
