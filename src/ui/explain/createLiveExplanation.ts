import { createEffect, createSignal, on, onCleanup } from "solid-js";
import type { ExplainSource } from "../../../workers/computeApi.ts";
import type { ValueAnswer } from "../../core/automl/explain/explainValues.ts";
import type { RowValues } from "../../core/automl/explain/rowValues.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import type { ExplainClient } from "./explainClient.ts";

let channels = 0;

/** A row's explanation that follows its values (see `makeLiveExplanation`). */
export interface LiveExplanation {
  answer: () => ValueAnswer | null;
  /** True from a change until the answer for it. */
  pending: () => boolean;
  error: () => string | null;
  /** New values to explain (null: nothing to explain). */
  request(source: ExplainSource, values: RowValues | null): void;
  stop(): void;
}

/**
 * The plain part of a live explanation: each request waits `delay` ms for the next one (typing a
 * number is many changes), then asks the worker; an answer overtaken by a newer request (late, or
 * null from the worker) is dropped, so what shows is always the latest values' answer.
 */
export function makeLiveExplanation(client: ExplainClient, delay = 250): LiveExplanation {
  const channel = `whatif-${++channels}`;
  const [answer, setAnswer] = createSignal<ValueAnswer | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const request = (source: ExplainSource, values: RowValues | null) => {
    clearTimeout(timer);
    if (!values) return;
    setPending(true);
    timer = setTimeout(() => {
      const mine = ++asked;
      client.explain(source, values, channel).then(
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
  };
  return { answer, pending, error, request, stop: () => clearTimeout(timer) };
}

/** A live explanation of `values` (and `source`), asked again whenever either changes. */
export function createLiveExplanation(
  client: ExplainClient,
  source: () => ExplainSource,
  values: () => RowValues | null,
  delay = 250,
): LiveExplanation {
  const live = makeLiveExplanation(client, delay);
  createEffect(on([source, values], ([s, v]) => live.request(s, v)));
  onCleanup(live.stop);
  return live;
}
