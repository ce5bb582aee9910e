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

export function createStorageStore(): StorageStore {
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
  return [state, actions];
}
