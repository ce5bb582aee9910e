import { createEffect, createSignal, on, onCleanup } from "solid-js";
import type { ExplainSource } from "../../../workers/computeApi.ts";
import type { ValueAnswer } from "../../core/automl/explain/explainValues.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import type { ExplainClient } from "./explainClient.ts";

let channels = 0;

/**
 * The explanation of a row that follows its values: each change waits `delay` ms for the next
 * (typing a number is many changes), then asks the worker; an answer overtaken by a newer request
 * is dropped, so what shows is always the latest values' answer. `pending` is true from a change
 * until its answer.
 */
export function createLiveExplanation(
  client: ExplainClient,
  source: () => ExplainSource,
  values: () => RowValues | null,
  delay = 250,
) {
  const channel = `whatif-${++channels}`;
  const [answer, setAnswer] = createSignal<ValueAnswer | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on([source, values], ([src, v]) => {
      clearTimeout(timer);
      if (!v) return;
      setPending(true);
      timer = setTimeout(() => {
        const mine = ++asked;
        client.explain(src, v, channel).then(
          (a) => {
            if (a === null || mine !== asked) return;
            setAnswer(a);
            setError(null);
            setPending(false);
          },
          (err) => {
            if (mine !== asked) return;
            setError(errorMessage(err));
            setPending(false);
          },
        );
      }, delay);
    }),
  );
  return { answer, pending, error };
}
