import { createEffect, createMemo, createSignal, onCleanup } from "solid-js";

/**
 * A long list rendered a slice at a time: the first `step` items at once, then `step` more per
 * task until all are shown. Rendering a few thousand table cells (and laying them out) in one task
 * holds the main thread for well over 50 ms on a slow machine; slices keep each task short and let
 * the page paint and answer input in between (issue 16 goal 5). Items keep their indexes, and a
 * longer list (more rows loaded) grows from what is shown.
 */
export function createSlices<T>(list: () => readonly T[], step: number): () => readonly T[] {
  const [count, setCount] = createSignal(step);
  createEffect(() => {
    if (count() >= list().length) return;
    // A macrotask, not a microtask or a frame: the page paints between slices, also when hidden.
    const timer = setTimeout(() => setCount((c) => c + step), 0);
    onCleanup(() => clearTimeout(timer));
  });
  return createMemo(() => {
    const all = list();
    const n = count();
    return n >= all.length ? all : all.slice(0, n);
  });
}
