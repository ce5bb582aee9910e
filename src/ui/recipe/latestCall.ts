import { isAbortError } from "../shared/errorMessage.ts";

/** What a latest-call runner reports; only the newest request is ever reported. */
export interface LatestCallHandlers<A, T> {
  run(arg: A, signal: AbortSignal): Promise<T>;
  /** A request was made (its run may still wait out the delay). */
  onPending(): void;
  onDone(result: T, arg: A): void;
  onError(err: unknown): void;
  /** The newest request was cancelled by `cancel()`. */
  onCancelled(): void;
}

export interface LatestCall<A> {
  /** Asks for a run after `delayMs` of quiet, cancelling the one running or waiting. */
  request(arg: A, delayMs?: number): void;
  /** Stops the current run; true when something was running or waiting. */
  cancel(): boolean;
  /** Forgets everything without reporting (the owner is going away). */
  dispose(): void;
}

/**
 * Calls `call` once more when it ends in an AbortError that `signal` did not raise: the data client
 * stops a call by stopping its worker, which also stops any other call sharing it.
 */
export async function retryForeignAbort<T>(
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await call(signal);
  } catch (err) {
    if (isAbortError(err) && !signal.aborted) return call(signal);
    throw err;
  }
}

/**
 * Runs the latest of a series of requests, debounced: a new request aborts the run before it.
 * A run that ends in an AbortError its own signal never raised is re-run once (retryForeignAbort).
 */
export function makeLatestCall<A, T>(handlers: LatestCallHandlers<A, T>, delayMs = 300): LatestCall<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let seq = 0;

  async function go(arg: A, id: number): Promise<void> {
    const ctl = new AbortController();
    running = ctl;
    try {
      const result = await retryForeignAbort(ctl.signal, (signal) => handlers.run(arg, signal));
      if (id !== seq) return;
      running = undefined;
      handlers.onDone(result, arg);
    } catch (err) {
      if (id !== seq) return;
      running = undefined;
      if (isAbortError(err)) handlers.onCancelled();
      else handlers.onError(err);
    }
  }

  const stop = () => {
    const busy = timer !== undefined || running !== undefined;
    clearTimeout(timer);
    timer = undefined;
    running?.abort();
    running = undefined;
    seq++;
    return busy;
  };

  return {
    request(arg, delay = delayMs) {
      stop();
      const id = seq;
      handlers.onPending();
      timer = setTimeout(() => {
        timer = undefined;
        void go(arg, id);
      }, delay);
    },
    cancel() {
      const busy = stop();
      if (busy) handlers.onCancelled();
      return busy;
    },
    dispose() {
      stop();
    },
  };
}
