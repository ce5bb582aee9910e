import * as Comlink from "comlink";

/**
 * One lazily made worker and the calls waiting on it. Terminating the worker is the only way to
 * stop work mid-chunk at once, and a terminated worker's calls can never settle, so `dispose`
 * rejects them with an AbortError; the next call makes a fresh worker.
 */
export interface WorkerLane<Api> {
  /** The worker's API, made on first use. */
  ensure(): Comlink.Remote<Api>;
  /** The current worker's API, or undefined when none is made (or it was terminated). */
  current(): Comlink.Remote<Api> | undefined;
  /** Terminates the worker and rejects every call waiting on it. */
  dispose(): void;
  /**
   * Runs `body` against the worker. When `signal` aborts, `onAbort` says what stopping means and
   * may return a clean-up for when the call settles; without it the worker is terminated at once.
   * `body` gets `live`, which wraps a callback (a progress report) so that it goes silent once the
   * call settles or is aborted: a report the worker posted before it was stopped travels on its
   * own port and can arrive after the call has ended, and must not bring a status line back.
   */
  run<T>(
    signal: AbortSignal | undefined,
    body: (api: Comlink.Remote<Api>, live: Live) => Promise<T>,
    onAbort?: (api: Comlink.Remote<Api>) => (() => void) | undefined,
  ): Promise<T>;
}

/** Wraps a callback so that it does nothing once its call has ended. */
export type Live = <A extends unknown[]>(f: (...args: A) => void) => (...args: A) => void;

/**
 * A lane over the worker `spawn` makes (the caller writes `new Worker(new URL(...))` itself, so
 * the bundler sees the worker); `stopped` is the AbortError's message for waiting calls.
 */
export function makeWorkerLane<Api>(spawn: () => Worker, stopped: string): WorkerLane<Api> {
  let worker: Worker | undefined;
  let api: Comlink.Remote<Api> | undefined;
  const pending = new Set<(reason: unknown) => void>();

  const ensure = () => {
    if (!api) {
      worker = spawn();
      api = Comlink.wrap<Api>(worker);
    }
    return api;
  };
  const dispose = () => {
    worker?.terminate();
    worker = undefined;
    api = undefined;
    const rejects = [...pending];
    pending.clear();
    for (const reject of rejects) reject(new DOMException(stopped, "AbortError"));
  };

  function run<T>(
    signal: AbortSignal | undefined,
    body: (api: Comlink.Remote<Api>, live: Live) => Promise<T>,
    onAbort?: (api: Comlink.Remote<Api>) => (() => void) | undefined,
  ): Promise<T> {
    signal?.throwIfAborted();
    const remote = ensure();
    return new Promise<T>((resolve, reject) => {
      let cleanUp: (() => void) | undefined;
      let ended = false;
      const live: Live =
        (f) =>
        (...args) => {
          if (!ended && !signal?.aborted) f(...args);
        };
      const abort = () => {
        if (onAbort) cleanUp = onAbort(remote);
        else dispose();
      };
      const settle = () => {
        ended = true;
        cleanUp?.();
        pending.delete(reject);
        signal?.removeEventListener("abort", abort);
      };
      pending.add(reject);
      signal?.addEventListener("abort", abort, { once: true });
      body(remote, live).then(
        (v) => {
          settle();
          resolve(v);
        },
        (e) => {
          settle();
          reject(e);
        },
      );
    });
  }

  return { ensure, current: () => api, dispose, run };
}
