import { type Accessor, createEffect, createSignal, on, onCleanup } from "solid-js";
import type { SplitPictureView } from "../../../workers/dataApi.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { makeLatestCall } from "../recipe/latestCall.ts";
import { splitProblem } from "../recipe/splitSettings.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/** Buckets per fold in the split picture: enough to see a pattern, few enough to draw as cells. */
export const SPLIT_CELLS = 100;

export interface SplitPictureState {
  picture: Accessor<SplitPictureView | null>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
}

/**
 * Which rows go where under a split, asked of the data worker whenever the table or the split
 * changes (debounced, the previous ask cancelled). A split that still lacks a column draws nothing.
 */
export function createSplitPicture(
  client: DataClient,
  source: Accessor<{ datasetId: string; split: SplitConfig } | null>,
): SplitPictureState {
  const [picture, setPicture] = createSignal<SplitPictureView | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const call = makeLatestCall<{ datasetId: string; split: SplitConfig }, SplitPictureView>({
    run: (a, signal) => client.splitPicture(a.datasetId, a.split, SPLIT_CELLS, { signal }),
    onPending: () => setLoading(true),
    onDone: (view) => {
      setPicture(view);
      setError(null);
      setLoading(false);
    },
    onError: (err) => {
      setPicture(null);
      setError(errorMessage(err));
      setLoading(false);
    },
    onCancelled: () => setLoading(false),
  });
  // A key of the plain settings, so an edit that changes nothing asks nothing.
  const key = () => {
    const s = source();
    return s ? JSON.stringify([s.datasetId, s.split]) : "";
  };
  createEffect(
    on(key, (k) => {
      const s = source();
      if (!k || !s) return;
      const problem = splitProblem(s.split);
      if (problem) {
        call.dispose();
        setPicture(null);
        setLoading(false);
        setError(problem);
        return;
      }
      call.request({ datasetId: s.datasetId, split: JSON.parse(JSON.stringify(s.split)) });
    }),
  );
  onCleanup(() => call.dispose());
  return { picture, loading, error };
}
