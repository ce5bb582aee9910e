import { dataClient } from "../bridges/dataClient.ts";
import { trainClient } from "../bridges/trainClient.ts";
import { createTrainStore, type TrainStore } from "./trainStore.ts";

let store: TrainStore | undefined;

/**
 * The app's one Train store, made on first use and kept when the Train phase closes, so a run
 * keeps training (and reporting) while the person looks at another phase.
 */
export function useTrainStore(): TrainStore {
  store ??= createTrainStore({ client: trainClient, beforeRun: () => dataClient.forgetTables() });
  return store;
}
