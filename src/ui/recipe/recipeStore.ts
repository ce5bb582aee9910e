import { createSignal, mergeProps } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { RecipePreviewView } from "../../../workers/dataApi.ts";
import { recipeProblems } from "../../core/pipeline/validateRecipe.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { Recipe, StepCategory, StepConfig } from "../../core/prep/step.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import { makeLatestCall } from "./latestCall.ts";
import * as edits from "./recipeEdits.ts";
import { parseRecipeFile, recipeFileName, recipeToJson } from "./recipeFile.ts";
import { readRecipeContext, saveRecipe } from "./recipeStorage.ts";
import { defaultSplit, splitColumnsOf } from "./splitSettings.ts";

/** The seed of the recipe preview's sample and of its fitted steps. */
export const PREVIEW_SEED = 0;

interface RecipeFields {
  projectId: string | null;
  projectName: string;
  dataset: DatasetMeta | null;
  /** The project's framed target (null: none), which the preview fits against. */
  target: string | null;
  loading: boolean;
  recipe: Recipe | null;
  split: SplitConfig | null;
  /** Every problem of the recipe as edited (see recipeProblems); the preview waits while any remain. */
  problems: string[];
  previewing: boolean;
  previewCancelled: boolean;
  previewError: string | null;
  /** The preview shown is from before the latest edits, which have problems to fix first. */
  previewStale: boolean;
  /** A short note on the last action ("Recipe imported."). */
  status: string | null;
  /** Why a file could not be imported: a sentence and the problems found. */
  fileError: { message: string; problems: string[] } | null;
  error: string | null;
}

/** The preview is large, plain data read by tables and chart specs: a signal, not store proxies. */
export type RecipeState = RecipeFields & { preview: RecipePreviewView | null };

export interface RecipeActions {
  /** Reads the project's recipe, or asks for the proposal when it has none, and previews it. */
  open(projectId: string): Promise<void>;
  toggle(id: string, enabled: boolean): void;
  /** Moves a step past its nearest neighbour among the phase's categories. */
  move(id: string, direction: -1 | 1, categories: readonly StepCategory[]): void;
  /** Appends a step with its defaults; returns its id. */
  add(type: string): string | null;
  remove(id: string): void;
  setParam(id: string, key: string, value: unknown): void;
  setParams(id: string, values: Record<string, unknown>): void;
  setColumns(id: string, columns: StepConfig["columns"]): void;
  setSplit(split: SplitConfig): void;
  /** The recipe as a file to download. */
  exportFile(): { name: string; text: string } | null;
  /** Replaces the recipe with a file's; a bad file changes nothing and says why. */
  importFile(file: Blob): Promise<void>;
  resetToProposal(): Promise<void>;
  cancelPreview(): void;
  rerunPreview(): void;
  dismissFileError(): void;
  dismissError(): void;
  /** Stops work in flight (the phase is closing). */
  dispose(): void;
}

export type RecipeStore = [RecipeState, RecipeActions];

interface PreviewRequest {
  datasetId: string;
  recipe: Recipe;
  target: string | null;
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(unwrap(v))) as T;

/** The recipe editor's data for one project, shared in shape by the Prepare and Features phases. */
export function createRecipeStore(deps: { client: DataClient }): RecipeStore {
  const [fields, setFields] = createStore<RecipeFields>({
    projectId: null,
    projectName: "",
    dataset: null,
    target: null,
    loading: false,
    recipe: null,
    split: null,
    problems: [],
    previewing: false,
    previewCancelled: false,
    previewError: null,
    previewStale: false,
    status: null,
    fileError: null,
    error: null,
  });
  const [preview, setPreview] = createSignal<RecipePreviewView | null>(null);
  let opening: AbortController | undefined;

  const previewCall = makeLatestCall<PreviewRequest, RecipePreviewView>({
    run: (r, signal) => deps.client.previewRecipe(r.datasetId, r.recipe, r.target, PREVIEW_SEED, { signal }),
    onPending: () => setFields({ previewing: true, previewCancelled: false, previewError: null }),
    onDone: (view) => {
      setPreview(view);
      setFields({ previewing: false, previewStale: false });
    },
    onError: (err) => setFields({ previewing: false, previewError: errorMessage(err) }),
    onCancelled: () => setFields({ previewing: false, previewCancelled: true }),
  });

  function refresh(delayMs?: number) {
    const { dataset, recipe } = fields;
    if (!dataset || !recipe) return;
    if (fields.problems.length > 0) {
      previewCall.dispose();
      setFields({ previewing: false, previewError: null, previewStale: preview() !== null });
      return;
    }
    previewCall.request({ datasetId: dataset.id, recipe: plain(recipe), target: fields.target }, delayMs);
  }

  function persist() {
    const { projectId, recipe } = fields;
    if (!projectId || !recipe) return;
    saveRecipe(projectId, unwrap(recipe), fields.split ? unwrap(fields.split) : null).then(
      () => fields.error?.startsWith("Not saved") && setFields("error", null),
      (err) => setFields("error", `Not saved on this device: ${errorMessage(err)}`),
    );
  }

  /** Shows, checks, saves and previews a new recipe. */
  function commit(next: Recipe, status: string | null = null, delayMs?: number) {
    setFields("recipe", reconcile(next, { key: "id" }));
    setFields({ problems: recipeProblems(next), status });
    persist();
    refresh(delayMs);
  }

  const edit = (change: (r: Recipe) => Recipe) => {
    const current = fields.recipe ? (unwrap(fields.recipe) as Recipe) : null;
    if (!current) return;
    const next = change(current);
    if (next !== current) commit(next);
  };

  /** The worker may be stopped under a call by another view's cancel: such a call is asked once more. */
  async function ask<T>(ctl: AbortController, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await call(ctl.signal);
    } catch (err) {
      if (isAbortError(err) && !ctl.signal.aborted) return call(ctl.signal);
      throw err;
    }
  }

  const propose = (ctl: AbortController, dataset: DatasetMeta, target: string | null) =>
    ask(ctl, (signal) => deps.client.proposeRecipe(dataset.id, target, { signal }));

  const actions: RecipeActions = {
    async open(projectId) {
      opening?.abort();
      previewCall.dispose();
      const ctl = new AbortController();
      opening = ctl;
      setPreview(null);
      setFields({
        projectId,
        loading: true,
        recipe: null,
        problems: [],
        previewing: false,
        previewCancelled: false,
        previewError: null,
        previewStale: false,
        status: null,
        fileError: null,
        error: null,
      });
      try {
        const ctx = await readRecipeContext(projectId);
        if (opening !== ctl) return;
        const { dataset, target } = ctx;
        setFields("dataset", reconcile(dataset));
        setFields({ projectName: ctx.project.name, target });
        if (!dataset) return;
        const cols = splitColumnsOf(dataset.columns, target);
        setFields("split", reconcile(ctx.project.split ?? defaultSplit(cols)));
        const saved = ctx.project.recipe;
        const recipe = saved ?? (await propose(ctl, dataset, target));
        if (opening !== ctl) return;
        const note =
          saved && saved.target !== target
            ? `This recipe was made for ${saved.target ? `the target "${saved.target}"` : "no target"}; the project now predicts ${target ? `"${target}"` : "nothing"}. "Reset to proposal" makes a recipe for it.`
            : null;
        if (saved) {
          setFields("recipe", reconcile(saved, { key: "id" }));
          setFields({ problems: recipeProblems(saved), status: note });
          refresh(0);
        } else commit(recipe, null, 0);
      } catch (err) {
        if (opening === ctl && !isAbortError(err)) setFields("error", errorMessage(err));
      } finally {
        if (opening === ctl) {
          opening = undefined;
          setFields("loading", false);
        }
      }
    },

    toggle: (id, enabled) => edit((r) => edits.toggleStep(r, id, enabled)),
    move: (id, direction, categories) =>
      edit((r) => edits.moveStep(r, id, direction, (s) => edits.inCategories(s, categories))),
    add(type) {
      let id: string | null = null;
      edit((r) => {
        const added = edits.addStep(r, type);
        id = added.id;
        return added.recipe;
      });
      return id;
    },
    remove: (id) => edit((r) => edits.removeStep(r, id)),
    setParam: (id, key, value) => edit((r) => edits.setParam(r, id, key, value)),
    setParams: (id, values) => edit((r) => edits.setParams(r, id, values)),
    setColumns: (id, columns) => edit((r) => edits.setColumns(r, id, columns)),

    setSplit(split) {
      setFields("split", reconcile(split));
      persist();
    },

    exportFile() {
      const recipe = fields.recipe;
      return recipe ? { name: recipeFileName(fields.projectName), text: recipeToJson(plain(recipe)) } : null;
    },

    async importFile(file) {
      const name = (file as File).name ?? "the file";
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        setFields("fileError", { message: `${name} could not be read: ${errorMessage(err)}`, problems: [] });
        return;
      }
      const parsed = parseRecipeFile(text);
      if (!parsed.ok) {
        setFields("fileError", { message: `${name}: ${parsed.message}`, problems: parsed.problems });
        return;
      }
      setFields("fileError", null);
      commit(parsed.recipe, `Imported ${name}: ${parsed.recipe.steps.length} steps.`, 0);
    },

    async resetToProposal() {
      const dataset = fields.dataset;
      if (!dataset) return;
      const ctl = new AbortController();
      opening?.abort();
      opening = ctl;
      setFields({ loading: true, error: null });
      try {
        const recipe = await propose(ctl, dataset, fields.target);
        if (opening === ctl) commit(recipe, "Reset to the proposed recipe.", 0);
      } catch (err) {
        if (opening === ctl && !isAbortError(err)) setFields("error", errorMessage(err));
      } finally {
        if (opening === ctl) {
          opening = undefined;
          setFields("loading", false);
        }
      }
    },

    cancelPreview: () => void previewCall.cancel(),
    rerunPreview: () => refresh(0),
    dismissFileError: () => setFields("fileError", null),
    dismissError: () => setFields("error", null),

    dispose() {
      opening?.abort();
      opening = undefined;
      previewCall.dispose();
    },
  };

  const state = mergeProps(fields, {
    get preview() {
      return preview();
    },
  }) as RecipeState;
  return [state, actions];
}
