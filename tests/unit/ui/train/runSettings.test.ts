import { describe, expect, it } from "vitest";
import type { LeaderboardEntry } from "../../../../src/core/automl/ladder/leaderboard.ts";
import type { ProjectRecord, RunRecord } from "../../../../src/persist/types.ts";
import {
  backendOverride,
  canResume,
  checkDraft,
  DEFAULT_DRAFT,
  draftFromRun,
  staleRecipeNote,
  toRunSettings,
} from "../../../../src/ui/train/runSettings.ts";

const project: ProjectRecord = {
  id: "p1",
  name: "P",
  createdAt: 1,
  updatedAt: 1,
  framing: { datasetId: "d1", target: "species", metric: "accuracy", criterion: "accuracy >= 0.9" },
  split: { type: "holdout", testFraction: 0.4, stratify: null, seed: 7 },
};

const run = (settings: RunRecord["settings"], status: RunRecord["status"] = "done"): RunRecord => ({
  id: "r1",
  projectId: "p1",
  datasetId: "d1",
  settings,
  status,
  entries: [] as LeaderboardEntry[],
  best: null,
  createdAt: 1,
  updatedAt: 1,
});

describe("run settings from the Train form", () => {
  it("takes the split from Prepare as it is: a 40% holdout stays 40%, with its seed", () => {
    const draft = { ...DEFAULT_DRAFT, models: ["mlp", "baseline"], mlpEpochs: 5 };
    const s = toRunSettings(project, draft, "multiclass", ["baseline", "knn", "mlp"]);
    expect(s).toEqual({
      target: "species",
      task: "multiclass",
      metric: "accuracy",
      models: ["baseline", "mlp"],
      split: { type: "holdout", testFraction: 0.4, stratify: null, seed: 7, folds: 5 },
      criterion: "accuracy >= 0.9",
      backend: null,
      ensemble: true,
      tune: "quick",
      params: { mlp: { max_epochs: 5 } },
    });
    expect(draftFromRun(run(s))).toEqual({ ...draft, models: ["baseline", "mlp"] });
    expect(() => toRunSettings({ ...project, framing: undefined }, draft, null, [])).toThrow(/target/);
  });

  it("trains on the Prepare recipe only when it was made for the framed target, and says so otherwise", () => {
    const recipe = { version: 1 as const, target: "species", steps: [] };
    const draft = { ...DEFAULT_DRAFT, models: ["knn"] };
    expect(toRunSettings({ ...project, recipe }, draft, null, ["knn"]).recipe).toBe(recipe);
    expect(staleRecipeNote({ ...project, recipe })).toBeNull();
    const stale = { ...project, recipe: { ...recipe, target: "island" } };
    expect(toRunSettings(stale, draft, null, ["knn"]).recipe).toBeUndefined();
    expect(staleRecipeNote(stale)).toBe(
      'The recipe in Prepare was made for the target "island", not "species": this run uses the proposed recipe for "species" (reset the recipe in Prepare to review it).',
    );
    expect(staleRecipeNote({ ...project, recipe: { ...recipe, target: null } })).toMatch(
      /made for no target/,
    );
    expect(staleRecipeNote(project)).toBeNull();
  });

  it("fills a project without a split with the defaults: 20% test, 5 folds, seed 0", () => {
    const s = toRunSettings({ ...project, split: undefined }, { ...DEFAULT_DRAFT, models: ["knn"] }, null, [
      "knn",
    ]);
    expect(s.split).toEqual({ type: "holdout", stratify: null, testFraction: 0.2, folds: 5, seed: 0 });
  });

  it("checks the form's own fields and reads a forced backend from the address", () => {
    expect(checkDraft({ ...DEFAULT_DRAFT, models: ["knn"] })).toBeNull();
    expect(checkDraft(DEFAULT_DRAFT)).toMatch(/at least one model/);
    expect(checkDraft({ ...DEFAULT_DRAFT, models: ["knn"], mlpEpochs: 0 })).toMatch(/epochs/);
    expect(backendOverride("?backend=webgpu")).toBe("webgpu");
    expect(backendOverride("?backend=cuda")).toBeNull();
    expect(backendOverride("")).toBeNull();
    const s = toRunSettings(project, { ...DEFAULT_DRAFT, models: ["knn"] }, null, ["knn"]);
    expect(canResume(run(s, "interrupted"))).toBe(true);
    expect(canResume(run(s, "done"))).toBe(false);
  });
});
