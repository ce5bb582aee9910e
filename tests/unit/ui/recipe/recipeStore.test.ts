import { describe, expect, it, vi } from "vitest";
import { openFramedProject, settle, testDataClient } from "../storeHarness.ts";

// Node resolves solid-js to its server build, whose stores are plain objects; the browser build
// is what the app runs, so the store is tested on that one.
vi.mock("solid-js", () => vi.importActual<object>("../../../../node_modules/solid-js/dist/solid.js"));
vi.mock("solid-js/store", () =>
  vi.importActual<object>("../../../../node_modules/solid-js/store/dist/store.js"),
);

const { createRecipeStore } = await import("../../../../src/ui/recipe/recipeStore.ts");
const { readRecipeContext } = await import("../../../../src/ui/recipe/recipeStorage.ts");
const { getDb } = await import("../../../../src/ui/shared/appDb.ts");
const { setProjectFraming } = await import("../../../../src/persist/projects.ts");

describe("createRecipeStore over storage and a data worker", () => {
  it("proposes, saves, previews and follows edits; reopens the saved recipe", async () => {
    const { projectId, datasetId } = await openFramedProject("churn");
    const worker = testDataClient();
    const [state, actions] = createRecipeStore({ client: worker.client });

    const first = worker.nextPreview();
    await actions.open(projectId);
    expect(state.loading).toBe(false);
    expect(state.projectName).toBe("Store test");
    expect(state.recipe).toEqual({ ...worker.proposal, target: "churn" });
    expect(state.split).toEqual({ type: "holdout", testFraction: 0.2, seed: 0, stratify: "churn" });
    expect(worker.proposed).toEqual([{ datasetId, target: "churn" }]);
    await first;
    await settle();
    expect(state.preview).toBe(worker.views[0]);
    expect(worker.previews[0]).toMatchObject({ datasetId, target: "churn", seed: 0 });
    expect((await readRecipeContext(projectId)).project.recipe).toEqual(state.recipe);

    // An edit is shown at once, written, and previewed after the pause.
    const second = worker.nextPreview();
    actions.toggle("impute", false);
    expect(state.recipe?.steps[0].enabled).toBe(false);
    await second;
    await settle();
    expect(worker.previews[1].recipe.steps[0].enabled).toBe(false);
    expect(state.preview).toBe(worker.views[1]);
    expect((await readRecipeContext(projectId)).project.recipe?.steps[0].enabled).toBe(false);

    // A bad setting waits, marking the preview shown as stale, and is still saved.
    actions.setParam("impute", "k", 0);
    expect(state.problems).toEqual(["step 1 (impute): params.k: must be at least 1, got 0"]);
    expect(state.previewStale).toBe(true);
    expect(state.previewing).toBe(false);
    expect((await readRecipeContext(projectId)).project.recipe?.steps[0].params).toEqual({ k: 0 });
    expect(worker.previews).toHaveLength(2);

    // A bad file changes nothing; a good one replaces the recipe.
    await actions.importFile(new Blob(["{"]));
    expect(state.fileError?.message).toMatch(/^the file: This file is not JSON/);
    expect(state.recipe?.steps).toHaveLength(2);
    const third = worker.nextPreview();
    const imported = { version: 1, target: "churn", steps: [worker.proposal.steps[1]] };
    await actions.importFile(new Blob([JSON.stringify(imported)]));
    expect(state.fileError).toBeNull();
    expect(state.status).toBe("Imported the file: 1 steps.");
    expect(state.problems).toEqual([]);
    await third;
    expect(worker.previews[2].recipe).toEqual(imported);
    actions.dispose();

    // Another store (the other phase) reads the saved recipe, with a note once the target changed.
    await setProjectFraming(await getDb(), projectId, {
      datasetId,
      target: "city",
      metric: null,
      criterion: null,
    });
    const [again, againActions] = createRecipeStore({ client: worker.client });
    await againActions.open(projectId);
    expect(again.recipe).toEqual(imported);
    expect(again.status).toBe(
      'This recipe was made for the target "churn"; the project now predicts "city". "Reset to proposal" makes a recipe for it.',
    );
    expect(worker.proposed).toHaveLength(1);
    const fourth = worker.nextPreview();
    await againActions.resetToProposal();
    expect(again.status).toBe("Reset to the proposed recipe.");
    expect(again.recipe?.target).toBe("city");
    await fourth;
    againActions.dispose();
  });

  it("asks again when another view's cancel stopped the worker under the proposal", async () => {
    const { projectId } = await openFramedProject("churn");
    const worker = testDataClient({ stopFirstProposal: true });
    const [state, actions] = createRecipeStore({ client: worker.client });
    await actions.open(projectId);
    expect(worker.proposed).toHaveLength(2);
    expect(state.recipe?.steps).toHaveLength(2);
    expect(state.error).toBeNull();
    actions.dispose();
  });
});
