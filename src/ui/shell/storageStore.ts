import { getOwner, onCleanup } from "solid-js";
import { createStore } from "solid-js/store";
import { estimateStorage } from "../../persist/storage.ts";
import type { StorageEstimate } from "../../persist/types.ts";

export interface StorageState {
  /** Null until the first estimate, or when the browser cannot tell. */
  estimate: StorageEstimate | null;
}

export interface StorageActions {
  /** Re-reads the estimate; call after anything that writes or deletes data. */
  refresh(): Promise<void>;
}

export type StorageStore = [StorageState, StorageActions];

/**
 * How often the estimate is read again while the page is shown. Runs, models, recipes and the
 * registry are written from workers and many views; reading the browser's own figure on a timer
 * keeps the header at `navigator.storage.estimate()` whoever wrote, instead of at the last figure
 * a view remembered to ask for.
 */
export const STORAGE_POLL_MS = 4000;

export function createStorageStore(opts: { pollMs?: number } = {}): StorageStore {
  const [state, setState] = createStore<StorageState>({ estimate: null });
  const actions: StorageActions = {
    async refresh() {
      try {
        const estimate = await estimateStorage();
        // A zero quota means the browser cannot tell: show nothing rather than "0 B of 0 B".
        setState("estimate", estimate.quota > 0 ? estimate : null);
      } catch {
        setState("estimate", null);
      }
    },
  };
  const doc = (globalThis as { document?: Document }).document;
  const pollMs = opts.pollMs ?? STORAGE_POLL_MS;
  if (doc && pollMs > 0) {
    const timer = setInterval(() => {
      if (doc.visibilityState === "visible") void actions.refresh();
    }, pollMs);
    const onShow = () => doc.visibilityState === "visible" && void actions.refresh();
    doc.addEventListener("visibilitychange", onShow);
    if (getOwner())
      onCleanup(() => {
        clearInterval(timer);
        doc.removeEventListener("visibilitychange", onShow);
      });
  }
  return [state, actions];
}
