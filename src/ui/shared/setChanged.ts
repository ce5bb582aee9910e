import { batch } from "solid-js";
import { reconcile, type SetStoreFunction } from "solid-js/store";

/**
 * Writes a state computed by a pure transition into a Solid store: only the top-level fields that
 * are no longer the same value are set, each reconciled (by `id` in lists) so that rows and steps
 * that did not change keep their proxies and the views bound to them are not rebuilt.
 * `prev` is the store's raw object (`unwrap(state)`); keys of `next` the store lacks are ignored.
 */
export function setChanged<T extends object>(setState: SetStoreFunction<T>, prev: T, next: T): void {
  const changed = (Object.keys(prev) as (keyof T & string)[]).filter((k) => !Object.is(prev[k], next[k]));
  if (changed.length === 0) return;
  batch(() => {
    for (const k of changed) {
      // The setter's overloads cannot be resolved for a key only known at run time.
      (setState as (k: string, v: unknown) => void)(k, reconcile(next[k] as never));
    }
  });
}
