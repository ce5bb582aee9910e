/**
 * The recipe editor's decisions as pure functions of its state: each takes the state (and what
 * happened) and returns the next state, sharing what did not change. No Solid, no storage, no
 * worker here: `recipeStore.ts` holds the state, calls the data worker and storage, and applies these.
 */
import type { RecipePreviewView } from "../../../workers/dataApi.ts";
import { recipeProblems } from "../../core/pipeline/validateRecipe.ts";
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { Recipe } from "../../core/prep/step.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import type { ParsedRecipeFile } from "./recipeFile.ts";
import { recipeFileName, recipeToJson } from "./recipeFile.ts";
import { defaultSplit, splitColumnsOf } from "./splitSettings.ts";

/** The editor's fields held in a store; the preview beside them is held in a signal (see RecipeState). */
export interface RecipeFields {
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

/** What the data worker is asked to preview. */
export interface PreviewRequest {
  datasetId: string;
  recipe: Recipe;
  target: string | null;
}

/** What opening a project read from storage. */
export interface RecipeOpenContext {
  projectName: string;
  dataset: DatasetMeta | null;
  target: string | null;
  savedSplit: SplitConfig | null;
}

/** The seed of the recipe preview's sample and of its fitted steps. */
export const PREVIEW_SEED = 0;

/** Prefix of the message a failed write leaves, so a later good write can clear it. */
const NOT_SAVED = "Not saved on this device: ";

/** The fields that belong to one project's recipe, apart from where it comes from. */
type RecipeWork = Omit<RecipeState, "projectId" | "projectName" | "dataset" | "target" | "loading" | "split">;

/** No recipe yet (a fresh state, or another project opening): nothing shown, previewed or noted. */
function noRecipe(): RecipeWork {
  return {
    recipe: null,
    problems: [],
    previewing: false,
    previewCancelled: false,
    previewError: null,
    previewStale: false,
    status: null,
    fileError: null,
    error: null,
    preview: null,
  };
}

export function makeRecipeState(): RecipeState {
  return {
    projectId: null,
    projectName: "",
    dataset: null,
    target: null,
    loading: false,
    split: null,
    ...noRecipe(),
  };
}

/** Opening a project forgets the last one's recipe, preview and notes, and waits for storage. */
export function openStarted(state: RecipeState, projectId: string): RecipeState {
  return { ...state, projectId, loading: true, ...noRecipe() };
}

/**
 * Takes in what storage holds for the project; the split is the saved one, else the default for
 * the table. The recipe itself arrives with `savedRecipeShown` or `recipeCommitted`.
 */
export function contextRead(state: RecipeState, ctx: RecipeOpenContext): RecipeState {
  const next = { ...state, dataset: ctx.dataset, projectName: ctx.projectName, target: ctx.target };
  if (!ctx.dataset) return next;
  return { ...next, split: ctx.savedSplit ?? defaultSplit(splitColumnsOf(ctx.dataset.columns, ctx.target)) };
}

/** A note when the saved recipe was made for another target than the one framed now, else null. */
export function targetChangedNote(saved: Recipe, target: string | null): string | null {
  if (saved.target === target) return null;
  const made = saved.target ? `the target "${saved.target}"` : "no target";
  const now = target ? `"${target}"` : "nothing";
  return `This recipe was made for ${made}; the project now predicts ${now}. "Reset to proposal" makes a recipe for it.`;
}

/** Shows a recipe and its problems, with a note on the last action (null clears it). */
export function recipeShown(state: RecipeState, recipe: Recipe, status: string | null): RecipeState {
  return { ...state, recipe, problems: recipeProblems(recipe), status };
}

/** The saved recipe as opened: shown with a note when its target is not the project's. */
export function savedRecipeShown(state: RecipeState, saved: Recipe): RecipeState {
  return recipeShown(state, saved, targetChangedNote(saved, state.target));
}

/** An edit of the recipe; the same state back when the edit changed nothing (or there is no recipe). */
export function recipeEdited(state: RecipeState, change: (r: Recipe) => Recipe): RecipeState {
  if (!state.recipe) return state;
  const next = change(state.recipe);
  return next === state.recipe ? state : recipeShown(state, next, null);
}

/** What to write after a change: the recipe with the split, or null when there is nothing to write. */
export function toSave(
  state: RecipeState,
): { projectId: string; recipe: Recipe; split: SplitConfig | null } | null {
  if (!state.projectId || !state.recipe) return null;
  return { projectId: state.projectId, recipe: state.recipe, split: state.split };
}

/** A write went through: a "Not saved" error from an earlier write is over. */
export function saveSucceeded(state: RecipeState): RecipeState {
  return state.error?.startsWith(NOT_SAVED) ? { ...state, error: null } : state;
}

export function saveFailed(state: RecipeState, err: unknown): RecipeState {
  return { ...state, error: `${NOT_SAVED}${errorMessage(err)}` };
}

/**
 * What the preview should do now: nothing without a table and a recipe; wait while the recipe has
 * problems (the preview shown, if any, is then stale); else run on a copy of the recipe.
 */
export type PreviewPlan =
  | { kind: "none" }
  | { kind: "blocked"; state: RecipeState }
  | { kind: "request"; request: PreviewRequest };

export function planPreview(state: RecipeState): PreviewPlan {
  const { dataset, recipe } = state;
  if (!dataset || !recipe) return { kind: "none" };
  if (state.problems.length > 0) {
    return {
      kind: "blocked",
      state: { ...state, previewing: false, previewError: null, previewStale: state.preview !== null },
    };
  }
  return {
    kind: "request",
    // A copy: the store reconciles later edits into the same objects while the request waits.
    request: {
      datasetId: dataset.id,
      recipe: JSON.parse(JSON.stringify(recipe)) as Recipe,
      target: state.target,
    },
  };
}

export function previewPending(state: RecipeState): RecipeState {
  return { ...state, previewing: true, previewCancelled: false, previewError: null };
}

export function previewDone(state: RecipeState, preview: RecipePreviewView): RecipeState {
  return { ...state, preview, previewing: false, previewStale: false };
}

export function previewFailed(state: RecipeState, err: unknown): RecipeState {
  return { ...state, previewing: false, previewError: errorMessage(err) };
}

export function previewCancelled(state: RecipeState): RecipeState {
  return { ...state, previewing: false, previewCancelled: true };
}

/** Asking for the proposal again (Reset): busy, with the last error cleared. */
export function proposalStarted(state: RecipeState): RecipeState {
  return { ...state, loading: true, error: null };
}

/** Reading or proposing failed; a stopped call says nothing. */
export function loadFailed(state: RecipeState, err: unknown): RecipeState {
  return isAbortError(err) ? state : { ...state, error: errorMessage(err) };
}

export function loadEnded(state: RecipeState): RecipeState {
  return { ...state, loading: false };
}

/** The file the recipe is exported as, or null without a recipe. */
export function exportedFile(state: RecipeState): { name: string; text: string } | null {
  return state.recipe ? { name: recipeFileName(state.projectName), text: recipeToJson(state.recipe) } : null;
}

/** A file that could not even be read. */
export function fileUnreadable(state: RecipeState, name: string, err: unknown): RecipeState {
  return {
    ...state,
    fileError: { message: `${name} could not be read: ${errorMessage(err)}`, problems: [] },
  };
}

/** A file read and parsed: a bad one changes nothing but says why; a good one replaces the recipe. */
export function fileImported(state: RecipeState, name: string, parsed: ParsedRecipeFile): RecipeState {
  if (!parsed.ok) {
    return { ...state, fileError: { message: `${name}: ${parsed.message}`, problems: parsed.problems } };
  }
  const status = `Imported ${name}: ${parsed.recipe.steps.length} steps.`;
  return recipeShown({ ...state, fileError: null }, parsed.recipe, status);
}
