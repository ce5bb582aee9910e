/** Plain-data progress report, safe to post between threads. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
  message?: string;
  metrics?: Record<string, number>;
}

/** Options every long-running call accepts. */
export interface LongCallOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/**
 * Wraps a progress callback so that it fires at most once per `intervalMs`, except that a report
 * with `done === total` (the last one) always goes through.
 */
export function makeThrottledProgress<P extends Progress = Progress>(
  onProgress: ((p: P) => void) | undefined,
  intervalMs = 100,
  now: () => number = () => Date.now(),
): (p: P) => void {
  if (!onProgress) return () => {};
  let last = Number.NEGATIVE_INFINITY;
  return (p) => {
    const t = now();
    if (p.done >= p.total || t - last >= intervalMs) {
      last = t;
      onProgress(p);
    }
  };
}
