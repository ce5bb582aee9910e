/**
 * One pool of lanes for the browser's workers (workers/pool.ts) and the CLI's threads
 * (src/cli/foldPool.ts): the queue, the scheduling and the cancel live here, the way a lane is
 * made lives in the adapters. A lane runs one task at a time. Terminating is the only way to stop
 * a lane inside a long synchronous fit, so an aborted task costs its lane; the pool makes a fresh
 * one for the next task and the queue never waits on it.
 */

/** A lane as the pool sees it: the API of a worker or thread, and how to end it. */
export interface Lane<Api> {
  api: Api;
  /** Ends the lane at once; what it ran is lost. */
  terminate(): void | Promise<void>;
}

/**
 * Makes a lane. `died` is to be called when the lane dies on its own (a failed import, out of
 * memory): its task fails with that error instead of hanging.
 */
export type SpawnLane<Api> = (died: (err: Error) => void) => Lane<Api>;

/** A few lanes of one kind running queued tasks, at most one per lane at a time. */
export interface LanePool<Api> {
  /** Lanes the pool makes at most. */
  readonly size: number;
  /**
   * Runs `task` on the first idle lane (made on first use), or queues it. An abort of `signal`
   * drops a queued task, or terminates the lane running it, and rejects with an AbortError at once.
   */
  run<T>(task: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Terminates every lane and rejects every queued or running task; resolves when they have ended. */
  dispose(): Promise<void>;
}

interface Slot<Api> {
  lane?: Lane<Api>;
  /** Rejects the task running on this slot; set while busy. */
  fail?: (err: unknown) => void;
}

interface Waiting<Api> {
  start(slot: Slot<Api>): void;
  reject(err: unknown): void;
}

/** The error of a task stopped by a cancel or a dispose. */
export const stoppedError = () => new DOMException("The training was stopped.", "AbortError");

/** A pool of `size` lanes (at least 1) made by `spawn` lazily. */
export function makeLanePool<Api>(spawn: SpawnLane<Api>, size: number): LanePool<Api> {
  const slots: Slot<Api>[] = Array.from({ length: Math.max(1, size) }, () => ({}));
  const queue: Waiting<Api>[] = [];

  const kill = (slot: Slot<Api>): void | Promise<void> => {
    const lane = slot.lane;
    slot.lane = undefined;
    return lane?.terminate();
  };

  const ensure = (slot: Slot<Api>): Api => {
    if (!slot.lane) {
      const lane = spawn((err) => {
        if (slot.lane !== lane) return;
        void kill(slot);
        slot.fail?.(err);
      });
      slot.lane = lane;
    }
    return slot.lane.api;
  };

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.fail) queue.shift()!.start(slot);
    }
  };

  return {
    size: slots.length,
    run<T>(task: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(stoppedError());
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
            let api: Api;
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
          else if (slot) void kill(slot);
          finish(false, stoppedError());
        }
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiting);
        pump();
      });
    },
    async dispose() {
      for (const w of queue.splice(0)) w.reject(stoppedError());
      const ended: (void | Promise<void>)[] = [];
      for (const slot of slots) {
        ended.push(kill(slot));
        slot.fail?.(stoppedError());
      }
      await Promise.all(ended);
    },
  };
}
