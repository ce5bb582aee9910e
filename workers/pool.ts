import * as Comlink from "comlink";

/** A few workers of one kind running queued tasks, at most one per worker at a time. */
export interface WorkerPool<Api> {
  /** Workers the pool makes at most. */
  readonly size: number;
  /**
   * Runs `task` on the first idle worker (made on first use), or queues it. An abort of `signal`
   * drops a queued task, or terminates the worker running it (the pool makes a fresh one for the
   * next task), and rejects with an AbortError at once.
   */
  run<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Terminates every worker and rejects every queued or running task. */
  dispose(): void;
}

/** Workers for this device: one per core but one (the page and the coordinator need it), 1 to 4. */
export function poolSize(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.min(4, Math.max(1, (cores || 2) - 1));
}

interface Slot<Api> {
  worker?: Worker;
  api?: Comlink.Remote<Api>;
  /** Rejects the task running on this slot; set while busy. */
  fail?: (err: unknown) => void;
}

interface Waiting<Api> {
  start(slot: Slot<Api>): void;
  reject(err: unknown): void;
}

const abortError = () => new DOMException("The training was stopped.", "AbortError");

/**
 * A pool of `size` workers made by `create` lazily. Terminating is the only way to stop a worker
 * inside a long synchronous fit, so an aborted task costs its worker; the queue never waits on it.
 */
export function makePool<Api>(create: () => Worker, size: number): WorkerPool<Api> {
  const slots: Slot<Api>[] = Array.from({ length: Math.max(1, size) }, () => ({}));
  const queue: Waiting<Api>[] = [];

  const kill = (slot: Slot<Api>) => {
    slot.worker?.terminate();
    slot.worker = undefined;
    slot.api = undefined;
  };

  const ensure = (slot: Slot<Api>) => {
    if (!slot.api) {
      const worker = create();
      // A worker that dies (a failed import, out of memory) fails its task instead of hanging it.
      worker.addEventListener("error", (ev) => {
        if (slot.worker !== worker) return;
        ev.preventDefault?.();
        kill(slot);
        slot.fail?.(new Error(`A training worker stopped: ${ev.message || "unknown error"}`));
      });
      slot.worker = worker;
      slot.api = Comlink.wrap<Api>(worker);
    }
    return slot.api;
  };

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.fail) queue.shift()!.start(slot);
    }
  };

  return {
    size: slots.length,
    run<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        let slot: Slot<Api> | undefined;
        let settled = false;
        const finish = (ok: boolean, value: unknown) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          if (slot) slot.fail = undefined;
          if (ok) resolve(value as T);
          else reject(value);
          pump();
        };
        const waiting: Waiting<Api> = {
          start(s) {
            slot = s;
            s.fail = (err) => finish(false, err);
            let api: Comlink.Remote<Api>;
            try {
              api = ensure(s);
            } catch (err) {
              return finish(false, err);
            }
            task(api).then(
              (v) => finish(true, v),
              (e) => finish(false, e),
            );
          },
          reject: (err) => finish(false, err),
        };
        function onAbort() {
          const at = queue.indexOf(waiting);
          if (at >= 0) queue.splice(at, 1);
          else if (slot) kill(slot);
          finish(false, abortError());
        }
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiting);
        pump();
      });
    },
    dispose() {
      for (const w of queue.splice(0)) w.reject(abortError());
      for (const slot of slots) {
        kill(slot);
        slot.fail?.(abortError());
      }
    },
  };
}
