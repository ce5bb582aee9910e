import { createStore, produce } from "solid-js/store";
import { listDatasets } from "../../persist/datasets.ts";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  renameProject,
  touchProject,
} from "../../persist/projects.ts";
import type { ProjectRecord } from "../../persist/types.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/** What the project list shows besides the record itself. */
export interface ProjectSummary {
  datasets: number;
  rows: number;
}

export interface ProjectsState {
  /** Most recently updated first. */
  projects: ProjectRecord[];
  summaries: Record<string, ProjectSummary>;
  loaded: boolean;
  error: string | null;
}

export interface ProjectsActions {
  load(): Promise<void>;
  /** Creates a project and returns it, or null (with `error` set) when that failed. */
  create(name: string): Promise<ProjectRecord | null>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Marks a project as just used and re-counts its datasets. */
  touch(id: string): Promise<void>;
  /** The record, from the list when loaded, else from storage; null when it does not exist. */
  fetch(id: string): Promise<ProjectRecord | null>;
  dismissError(): void;
}

export type ProjectsStore = [ProjectsState, ProjectsActions];

const byRecent = (a: ProjectRecord, b: ProjectRecord) => b.updatedAt - a.updatedAt;

export function createProjectsStore(): ProjectsStore {
  const [state, setState] = createStore<ProjectsState>({
    projects: [],
    summaries: {},
    loaded: false,
    error: null,
  });

  const fail = (err: unknown) => setState("error", errorMessage(err));

  const upsert = (p: ProjectRecord) =>
    setState(
      "projects",
      produce((list) => {
        const i = list.findIndex((x) => x.id === p.id);
        if (i >= 0) list[i] = p;
        else list.push(p);
        list.sort(byRecent);
      }),
    );

  /** Dataset count and rows: one metadata read per project, cheap next to the buffers. */
  async function summarize(id: string) {
    const db = await getDb();
    const datasets = await listDatasets(db, id);
    setState("summaries", id, { datasets: datasets.length, rows: datasets.reduce((n, d) => n + d.rows, 0) });
  }

  const actions: ProjectsActions = {
    async load() {
      try {
        const db = await getDb();
        const projects = await listProjects(db);
        setState({ projects: [...projects].sort(byRecent), loaded: true });
        await Promise.all(projects.map((p) => summarize(p.id)));
      } catch (err) {
        setState("loaded", true);
        fail(err);
      }
    },
    async create(name) {
      try {
        const db = await getDb();
        const project = await createProject(db, name);
        upsert(project);
        setState("summaries", project.id, { datasets: 0, rows: 0 });
        return project;
      } catch (err) {
        fail(err);
        return null;
      }
    },
    async rename(id, name) {
      try {
        const db = await getDb();
        upsert(await renameProject(db, id, name));
      } catch (err) {
        fail(err);
      }
    },
    async remove(id) {
      try {
        const db = await getDb();
        await deleteProject(db, id);
        setState(
          produce((s) => {
            s.projects = s.projects.filter((p) => p.id !== id);
            delete s.summaries[id];
          }),
        );
      } catch (err) {
        fail(err);
      }
    },
    async touch(id) {
      try {
        const db = await getDb();
        await touchProject(db, id);
        upsert(await getProject(db, id));
        await summarize(id);
      } catch (err) {
        fail(err);
      }
    },
    async fetch(id) {
      const known = state.projects.find((p) => p.id === id);
      if (known) return known;
      try {
        const db = await getDb();
        const fresh = await getProject(db, id);
        upsert(fresh);
        return fresh;
      } catch (err) {
        if ((err as { name?: string })?.name === "NotFoundError") return null;
        throw err;
      }
    },
    dismissError() {
      setState("error", null);
    },
  };
  return [state, actions];
}
