import { describe, expect, it } from "vitest";
import type { Recipe } from "../../../../src/core/prep/step.ts";
import { setParam } from "../../../../src/ui/recipe/recipeEdits.ts";
import { parseRecipeFile, recipeToJson } from "../../../../src/ui/recipe/recipeFile.ts";
import {
  contextRead,
  exportedFile,
  fileImported,
  fileUnreadable,
  loadEnded,
  loadFailed,
  makeRecipeState,
  openStarted,
  planPreview,
  previewCancelled,
  previewDone,
  previewFailed,
  previewPending,
  proposalStarted,
  type RecipeState,
  recipeEdited,
  recipeShown,
  savedRecipeShown,
  saveFailed,
  saveSucceeded,
  targetChangedNote,
  toSave,
} from "../../../../src/ui/recipe/recipeState.ts";
import type { RecipePreviewView } from "../../../../workers/dataApi.ts";
import { datasetMeta } from "../datasetMeta.ts";
import { speciesRecipe, step } from "./recipeFixtures.ts";

const recipe = speciesRecipe([
  step("impute", "impute"),
  step("one_hot", "one_hot"),
  step("scale", "standard"),
]);

const dataset = datasetMeta("d1", 1);

const view = { rows: 10 } as unknown as RecipePreviewView;
const abortError = () => Object.assign(new Error("stopped"), { name: "AbortError" });

/** A project opened on penguins with the recipe above shown. */
function opened(): RecipeState {
  const s = contextRead(openStarted(makeRecipeState(), "p1"), {
    projectName: "Penguins",
    dataset,
    target: "species",
    savedSplit: null,
  });
  return loadEnded(savedRecipeShown(s, recipe));
}

describe("recipe state: opening", () => {
  it("forgets the previous project's recipe, preview and notes", () => {
    const before: RecipeState = {
      ...opened(),
      preview: view,
      status: "Imported x.json: 3 steps.",
      error: "Not saved on this device: full",
      fileError: { message: "bad", problems: ["p"] },
      previewStale: true,
    };
    const s = openStarted(before, "p2");
    expect(s).toMatchObject({
      projectId: "p2",
      loading: true,
      recipe: null,
      problems: [],
      preview: null,
      status: null,
      error: null,
      fileError: null,
      previewStale: false,
    });
    // The table and split stay until the new project's are read.
    expect(s.dataset).toBe(before.dataset);
  });

  it("takes the saved split, else the default holdout stratified by a class target", () => {
    expect(opened().split).toEqual({ type: "holdout", testFraction: 0.2, seed: 0, stratify: "species" });
    const saved = { type: "kfold" as const, folds: 3, seed: 7 };
    const s = contextRead(makeRecipeState(), { projectName: "P", dataset, target: null, savedSplit: saved });
    expect(s.split).toBe(saved);
    const empty = contextRead(makeRecipeState(), {
      projectName: "P",
      dataset: null,
      target: null,
      savedSplit: saved,
    });
    expect(empty.split).toBeNull();
    expect(empty.projectName).toBe("P");
  });

  it("notes a saved recipe made for another target", () => {
    expect(targetChangedNote(recipe, "species")).toBeNull();
    expect(targetChangedNote(recipe, "island")).toBe(
      'This recipe was made for the target "species"; the project now predicts "island". "Reset to proposal" makes a recipe for it.',
    );
    expect(targetChangedNote({ ...recipe, target: null }, null)).toBeNull();
    expect(targetChangedNote(recipe, null)).toContain("the project now predicts nothing.");
    expect(targetChangedNote({ ...recipe, target: null }, "island")).toContain("made for no target");
    const s = contextRead(makeRecipeState(), {
      projectName: "P",
      dataset,
      target: "island",
      savedSplit: null,
    });
    expect(savedRecipeShown(s, recipe).status).toContain('"island"');
  });

  it("ends loading, and reports a failure unless it was a stop", () => {
    const s = proposalStarted({ ...opened(), error: "old" });
    expect(s).toMatchObject({ loading: true, error: null });
    expect(loadFailed(s, abortError())).toBe(s);
    expect(loadFailed(s, { name: "NotFoundError", message: "" }).error).toBe("That item no longer exists.");
    expect(loadEnded(s).loading).toBe(false);
  });
});

describe("recipe state: edits and saving", () => {
  it("an edit shows the recipe with its problems; no change gives the same state", () => {
    const s = opened();
    expect(s.problems).toEqual([]);
    const bad = recipeEdited({ ...s, status: "Reset to the proposed recipe." }, (r) =>
      setParam(r, "impute", "k", 0),
    );
    expect(bad.recipe?.steps[0].params).toEqual({ k: 0 });
    expect(bad.problems).toEqual(["step 1 (impute): params.k: must be at least 1, got 0"]);
    expect(bad.status).toBeNull();
    expect(recipeEdited(s, (r) => r)).toBe(s);
    const none = makeRecipeState();
    expect(recipeEdited(none, (r) => setParam(r, "impute", "k", 3))).toBe(none);
  });

  it("writes the recipe with the split, only with a project and a recipe", () => {
    const s = opened();
    expect(toSave(s)).toEqual({ projectId: "p1", recipe, split: s.split });
    expect(toSave({ ...s, recipe: null })).toBeNull();
    expect(toSave({ ...s, projectId: null })).toBeNull();
  });

  it("a good write clears only a not-saved error", () => {
    const failed = saveFailed(opened(), { name: "QuotaExceededError", message: "" });
    expect(failed.error).toBe(
      "Not saved on this device: The browser's storage is full: delete a dataset or project and try again.",
    );
    expect(saveSucceeded(failed).error).toBeNull();
    const other = { ...opened(), error: "The worker stopped." };
    expect(saveSucceeded(other)).toBe(other);
  });
});

describe("recipe state: preview", () => {
  it("asks for nothing without a table or a recipe", () => {
    expect(planPreview(makeRecipeState())).toEqual({ kind: "none" });
    expect(planPreview({ ...opened(), dataset: null })).toEqual({ kind: "none" });
  });

  it("asks for a copy of the recipe against the framed target", () => {
    const s = opened();
    const plan = planPreview(s);
    expect(plan).toEqual({ kind: "request", request: { datasetId: "d1", recipe, target: "species" } });
    if (plan.kind === "request") expect(plan.request.recipe).not.toBe(recipe);
  });

  it("waits while the recipe has problems, marking a preview shown as stale", () => {
    const bad = recipeEdited(opened(), (r) => setParam(r, "impute", "k", 0));
    const blocked = planPreview({ ...bad, previewing: true, previewError: "x", preview: view });
    expect(blocked.kind).toBe("blocked");
    if (blocked.kind === "blocked") {
      expect(blocked.state).toMatchObject({ previewing: false, previewError: null, previewStale: true });
    }
    const none = planPreview(bad);
    expect(none.kind === "blocked" && none.state.previewStale).toBe(false);
  });

  it("follows a run from pending to done, failed or cancelled", () => {
    const pending = previewPending({
      ...opened(),
      previewCancelled: true,
      previewError: "old",
      previewStale: true,
    });
    expect(pending).toMatchObject({ previewing: true, previewCancelled: false, previewError: null });
    expect(previewDone(pending, view)).toMatchObject({
      preview: view,
      previewing: false,
      previewStale: false,
    });
    expect(previewFailed(pending, new Error("no rows left\n  at x.ts:1"))).toMatchObject({
      previewing: false,
      previewError: "no rows left",
    });
    expect(previewCancelled(pending)).toMatchObject({ previewing: false, previewCancelled: true });
  });
});

describe("recipe state: files", () => {
  it("exports the recipe under the project's name", () => {
    const file = exportedFile(opened());
    expect(file?.text).toBe(recipeToJson(recipe));
    expect(file?.name).toMatch(/^penguins.*\.json$/i);
    expect(exportedFile(makeRecipeState())).toBeNull();
  });

  it("imports a good file in place of the recipe", () => {
    const other: Recipe = { ...recipe, steps: [step("scale", "standard")] };
    const s = fileImported(
      { ...opened(), fileError: { message: "old", problems: [] } },
      "mine.json",
      parseRecipeFile(JSON.stringify(other)),
    );
    expect(s.recipe).toEqual(other);
    expect(s.fileError).toBeNull();
    expect(s.status).toBe("Imported mine.json: 1 steps.");
  });

  it("keeps the recipe and says why a bad file was refused", () => {
    const s = opened();
    const notJson = fileImported(s, "x.json", parseRecipeFile("{"));
    expect(notJson.recipe).toBe(recipe);
    expect(notJson.fileError?.message).toMatch(/^x\.json: This file is not JSON/);
    const bad = fileImported(s, "y.json", parseRecipeFile(JSON.stringify({ ...recipe, version: 2 })));
    expect(bad.fileError).toEqual({
      message: "y.json: This file is not a recipe the app can use (1 problem); your recipe is unchanged.",
      problems: ["recipe.version: expected 1, got 2"],
    });
    expect(fileUnreadable(s, "z.json", new Error("gone")).fileError).toEqual({
      message: "z.json could not be read: gone",
      problems: [],
    });
  });
});

describe("recipe state: a committed proposal", () => {
  it("shows a proposed recipe with a note, or none", () => {
    const s = recipeShown(opened(), recipe, "Reset to the proposed recipe.");
    expect(s).toMatchObject({ recipe, problems: [], status: "Reset to the proposed recipe." });
  });
});
