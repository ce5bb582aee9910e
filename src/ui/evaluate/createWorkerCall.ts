import { onCleanup } from "solid-js";
import { createStore } from "solid-js/store";
import type { Progress } from "../../core/progress.ts";
import type { CallOptions } from "../bridges/dataClient.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";

export interface WorkerCallState<T> {
  status: "idle" | "running" | "done" | "error";
  progress: Progress | null;
  result: T | null;
  error: string | null;
}

/** Results of finished calls by key, so reopening a model shows what was already computed. */
const results = new Map<string, unknown>();

/**
 * A worker call started by a button: its progress, result or error, a way to cancel it, and a
 * cancel when the component goes away. A finished result is remembered under `key`.
 */
export function createWorkerCall<T>(
  key: () => string,
  call: (opts: CallOptions) => Promise<T>,
): [WorkerCallState<T>, { run(): Promise<void>; cancel(): void }] {
  const known = results.get(key()) as T | undefined;
  const [state, setState] = createStore<WorkerCallState<T>>({
    status: known ? "done" : "idle",
    progress: null,
    result: known ?? null,
    error: null,
  });
  let ctl: AbortController | undefined;
  const cancel = () => ctl?.abort();
  onCleanup(cancel);
  return [
    state,
    {
      async run() {
        cancel();
        const mine = new AbortController();
        ctl = mine;
        const k = key();
        setState({ status: "running", progress: null, error: null });
        try {
          const result = await call({
            signal: mine.signal,
            onProgress: (p) => ctl === mine && setState("progress", p),
          });
          results.set(k, result);
          if (ctl === mine) setState({ status: "done", result: result as never });
        } catch (err) {
          if (ctl !== mine) return;
          setState({
            status: isAbortError(err) ? "idle" : "error",
            error: isAbortError(err) ? null : errorMessage(err),
          });
        } finally {
          if (ctl === mine) ctl = undefined;
        }
      },
      cancel,
    },
  ];
}
