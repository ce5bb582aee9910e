import { createResource, createSignal } from "solid-js";
import { unwrap } from "solid-js/store";
import type { ModelEvaluation } from "../../core/automl/evaluation/evaluateModel.ts";
import type { EntryId } from "../../core/automl/ladder/leaderboard.ts";
import { getModel } from "../../persist/models.ts";
import { modelRecordId } from "../../persist/runs.ts";
import type { ModelRecord, RunRecord } from "../../persist/types.ts";
import { trainClient } from "../bridges/trainClient.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/**
 * A finished model's stored record (pipeline, evaluation, insights), read from IndexedDB for the
 * run and model given; `recompute` rebuilds a missing evaluation in the workers and stores it.
 */
export function createModelRecord(source: () => { run: RunRecord; model: EntryId }) {
  const [error, setError] = createSignal<string | null>(null);
  const [computing, setComputing] = createSignal(false);
  const [record, { mutate }] = createResource(
    () => ({ runId: source().run.id, model: source().model }),
    async ({ runId, model }): Promise<ModelRecord | null> => {
      setError(null);
      try {
        return await getModel(await getDb(), modelRecordId(runId, model));
      } catch (err) {
        setError(errorMessage(err));
        return null;
      }
    },
  );
  async function recompute() {
    const { run, model } = source();
    setComputing(true);
    setError(null);
    try {
      const evaluation: ModelEvaluation = await trainClient.evaluate(unwrap(run), model);
      const current = record();
      if (current) mutate({ ...current, evaluation });
      else mutate(await getModel(await getDb(), modelRecordId(run.id, model)));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setComputing(false);
    }
  }
  return { record, error, computing, recompute };
}
