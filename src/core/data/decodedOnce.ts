/**
 * Decoded columns of the current synchronous run, for the compact column layouts of the command
 * line's shared table (scaledFloats.ts, narrowCodes.ts): a loop that reads `col.data.values[i]`
 * row by row decodes once, and a pass over every column (planning's checks) holds at most CACHED
 * decoded columns at a time (the oldest goes first), not the whole table. Emptied once the run
 * gives way (a microtask), so nothing stays decoded between jobs.
 */
const CACHED = 4;
let cache: Map<object, ArrayBufferView> | null = null;
let decodes = 0;

/** Whole columns decoded so far (tests and benches: the training path's gathers should make none). */
export const fullDecodes = () => decodes;

/** `decode()` of `key`'s column, made at most once per synchronous run (see the file comment). */
export function decodedOnce<T extends ArrayBufferView>(key: object, decode: () => T): T {
  if (cache === null) {
    cache = new Map();
    // A microtask (core has no queueMicrotask type without DOM or Node types).
    void Promise.resolve().then(() => {
      cache = null;
    });
  }
  let out = cache.get(key) as T | undefined;
  if (out) return out;
  decodes++;
  out = decode();
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}
