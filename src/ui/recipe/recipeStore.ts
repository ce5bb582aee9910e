import { batch, createSignal, mergeProps } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import type { RecipePreviewView } from "../../../workers/dataApi.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { Recipe, StepCategory, StepConfig } from "../../core/prep/step.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { setChanged } from "../shared/setChanged.ts";
import { makeLatestCall, retryForeignAbort } from "./latestCall.ts";
import * as edits from "./recipeEdits.ts";
import { parseRecipeFile } from "./recipeFile.ts";
import * as rs from "./recipeState.ts";
import { makeRecipeState, type PreviewRequest, type RecipeFields, type RecipeState } from "./recipeState.ts";
import { readRecipeContext, saveRecipe } from "./recipeStorage.ts";

export { PREVIEW_SEED, type RecipeState } from "./recipeState.ts";

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

/**
 * The recipe editor's data for one project, shared in shape by the Prepare and Features phases.
 * Every decision is a pure function in recipeState.ts; this holds the state, calls the data worker
 * and storage, and keeps only the newest of overlapping calls.
 */
export function createRecipeStore(deps: { client: DataClient }): RecipeStore {
  const { preview: initialPreview, ...initialFields } = makeRecipeState();
  const [fields, setFields] = createStore<RecipeFields>(initialFields);
  const [preview, setPreview] = createSignal<RecipePreviewView | null>(initialPreview);
  let opening: AbortController | undefined;

  /** The state as plain data, for the pure transitions. */
  const current = (): RecipeState => ({ ...unwrap(fields), preview: preview() });
  const set = (next: RecipeState) =>
    batch(() => {
      const { preview: view, ...rest } = next;
      setChanged(setFields, unwrap(fields), rest);
      if (view !== preview()) setPreview(() => view);
    });
  const update = (change: (s: RecipeState) => RecipeState) => set(change(current()));

  const previewCall = makeLatestCall<PreviewRequest, RecipePreviewView>({
    run: (r, signal) =>
      deps.client.previewRecipe(r.datasetId, r.recipe, r.target, rs.PREVIEW_SEED, { signal }),
    onPending: () => update(rs.previewPending),
    onDone: (view) => update((s) => rs.previewDone(s, view)),
    onError: (err) => update((s) => rs.previewFailed(s, err)),
    onCancelled: () => update(rs.previewCancelled),
  });

  function refresh(delayMs?: number) {
    const plan = rs.planPreview(current());
    if (plan.kind === "blocked") {
      previewCall.dispose();
      set(plan.state);
    } else if (plan.kind === "request") previewCall.request(plan.request, delayMs);
  }

  function persist() {
    const write = rs.toSave(current());
    if (!write) return;
    saveRecipe(write.projectId, write.recipe, write.split).then(
      () => update(rs.saveSucceeded),
      (err) => update((s) => rs.saveFailed(s, err)),
    );
  }

  /** Shows, saves and previews a recipe state that changed. */
  function commit(next: RecipeState, delayMs?: number) {
    set(next);
    persist();
    refresh(delayMs);
  }

  const edit = (change: (r: Recipe) => Recipe) => {
    const before = current();
    const next = rs.recipeEdited(before, change);
    if (next !== before) commit(next);
  };

  const propose = (ctl: AbortController, datasetId: string, target: string | null) =>
    retryForeignAbort(ctl.signal, (signal) => deps.client.proposeRecipe(datasetId, target, { signal }));

  /** Runs a read of storage or the worker as the newest one; an older one's results are dropped. */
  async function load(start: (s: RecipeState) => RecipeState, work: (ctl: AbortController) => Promise<void>) {
    opening?.abort();
    const ctl = new AbortController();
    opening = ctl;
    update(start);
    try {
      await work(ctl);
    } catch (err) {
      if (opening === ctl) update((s) => rs.loadFailed(s, err));
    } finally {
      if (opening === ctl) {
        opening = undefined;
        update(rs.loadEnded);
      }
    }
  }

  const actions: RecipeActions = {
    open(projectId) {
      previewCall.dispose();
      return load(
        (s) => rs.openStarted(s, projectId),
        async (ctl) => {
          const ctx = await readRecipeContext(projectId);
          if (opening !== ctl) return;
          update((s) =>
            rs.contextRead(s, {
              projectName: ctx.project.name,
              dataset: ctx.dataset,
              target: ctx.target,
              savedSplit: ctx.project.split ?? null,
            }),
          );
          const { dataset, target } = ctx;
          if (!dataset) return;
          const saved = ctx.project.recipe;
          if (saved) {
            update((s) => rs.savedRecipeShown(s, saved));
            refresh(0);
            return;
          }
          const proposed = await propose(ctl, dataset.id, target);
          if (opening === ctl) commit(rs.recipeShown(current(), proposed, null), 0);
        },
      );
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
      update((s) => ({ ...s, split }));
      persist();
    },

    exportFile: () => rs.exportedFile(current()),

    async importFile(file) {
      const name = (file as File).name ?? "the file";
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        update((s) => rs.fileUnreadable(s, name, err));
        return;
      }
      const parsed = parseRecipeFile(text);
      const next = rs.fileImported(current(), name, parsed);
      if (parsed.ok) commit(next, 0);
      else set(next);
    },

    async resetToProposal() {
      const dataset = fields.dataset;
      if (!dataset) return;
      const datasetId = dataset.id;
      await load(rs.proposalStarted, async (ctl) => {
        const recipe = await propose(ctl, datasetId, fields.target);
        if (opening === ctl) commit(rs.recipeShown(current(), recipe, "Reset to the proposed recipe."), 0);
      });
    },

    cancelPreview: () => void previewCall.cancel(),
    rerunPreview: () => refresh(0),
    dismissFileError: () => update((s) => ({ ...s, fileError: null })),
    dismissError: () => update((s) => ({ ...s, error: null })),

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
