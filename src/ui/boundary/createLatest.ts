import { onCleanup } from "solid-js";
import { createStore } from "solid-js/store";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";

/** The latest answer of a stream of requests, and whether one is being worked on. */
export interface LatestState<T> {
  result: T | null;
  busy: boolean;
  error: string | null;
  /** How many answers have been shown (tests and screen readers wait on a change). */
  shown: number;
}

/**
 * Runs requests one at a time, latest wins: a request made while one runs replaces any request
 * still waiting (the waiting one is dropped, never sent) and aborts the running one, which stops
 * at its next check (the neural net's epochs) or, if it finishes first, is still shown, since it
 * is newer than what is on screen. The last answer shown is always the last request's.
 */
export function createLatest<Q, T>(
  run: (request: Q, signal: AbortSignal) => Promise<T>,
): [LatestState<T>, (request: Q) => void] {
  const [state, setState] = createStore<LatestState<T>>({ result: null, busy: false, error: null, shown: 0 });
  let waiting: { request: Q } | null = null;
  let running: AbortController | null = null;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    waiting = null;
    running?.abort();
  });

  async function pump() {
    while (waiting && !disposed) {
      const { request } = waiting;
      waiting = null;
      const ctl = new AbortController();
      running = ctl;
      setState("busy", true);
      try {
        const result = await run(request, ctl.signal);
        if (!disposed) setState((s) => ({ result: result as never, error: null, shown: s.shown + 1 }));
      } catch (err) {
        if (!isAbortError(err) && !disposed && !waiting) setState("error", errorMessage(err));
      } finally {
        running = null;
      }
    }
    if (!disposed) setState("busy", false);
  }

  return [
    state,
    (request) => {
      const idle = !running && !waiting;
      waiting = { request };
      running?.abort();
      if (idle) void pump();
    },
  ];
}
