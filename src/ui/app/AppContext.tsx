import { type Accessor, createContext, type JSX, useContext } from "solid-js";
import { dataClient } from "../bridges/dataClient.ts";
import { createDatasetStore, type DatasetStore } from "../data/datasetStore.ts";
import { createProjectsStore, type ProjectsStore } from "../projects/projectsStore.ts";
import { createHashRoute } from "../router/createHashRoute.ts";
import type { Route } from "../router/route.ts";
import { createStorageStore, type StorageStore } from "../shell/storageStore.ts";

/** The app's stores, one per domain, each `[state, actions]`. */
export interface AppStores {
  route: Accessor<Route>;
  projects: ProjectsStore;
  datasets: DatasetStore;
  storage: StorageStore;
}

const AppContext = createContext<AppStores>();

export function AppProvider(props: { children: JSX.Element }) {
  const storage = createStorageStore();
  const projects = createProjectsStore();
  const datasets = createDatasetStore({
    client: dataClient,
    onChanged: (projectId) => {
      void storage[1].refresh();
      void projects[1].touch(projectId);
    },
  });
  const stores: AppStores = { route: createHashRoute(), projects, datasets, storage };
  void storage[1].refresh();
  void projects[1].load();
  return <AppContext.Provider value={stores}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (!stores) throw new Error("useApp outside AppProvider");
  return stores;
}
