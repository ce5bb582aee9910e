import { describe, expect, it } from "vitest";
import type { ModelCard } from "../../../../src/core/deploy/modelCard.ts";
import { emptyRegistry } from "../../../../src/persist/registryAliases.ts";
import type { ModelVersion, RegistryRecord } from "../../../../src/persist/types.ts";
import {
  badgesOf,
  batchNotes,
  canRollBack,
  compareRows,
  exportFileName,
  formDefaults,
  importRefusal,
  inputRange,
  makeDeployState,
  predictionsFileName,
  reasonsCaption,
  sameData,
  scoreProgressText,
  withView,
} from "../../../../src/ui/deploy/deployState.ts";

const card: ModelCard = {
  task: "multiclass",
  target: "species",
  metric: "accuracy",
  positive_class: null,
  scores: {
    cv_mean: 0.95,
    cv_std: 0.02,
    test: 0.97,
    protocol: "3-fold stratified cross-validation on 120 of 150 rows, seed 0",
  },
  classes: ["setosa", "versicolor", "virginica"],
  inputs: [
    { name: "petal_length", kind: "numeric", min: 1, max: 6.9, median: 4.35, missing_share: 0 },
    {
      name: "island",
      kind: "categorical",
      levels: ["Dream", "Biscoe"],
      most_frequent: "Dream",
      missing_share: 0.1,
    },
    {
      name: "when",
      kind: "datetime",
      min: 0,
      max: 86_400_000 * 365,
      median: 86_400_000 * 31,
      missing_share: 0,
    },
    { name: "__proto__", kind: "text", most_frequent: "hello", missing_share: 0 },
    { name: "flag", kind: "boolean", min: 0, max: 1, median: 1, missing_share: 0 },
    { name: "empty", kind: "numeric", missing_share: 1 },
  ],
  training_rows: 120,
  model: { id: "gbdt", label: "Gradient boosting" },
  created: "2026-12-06T02:00:00.000Z",
  app_version: "0.1.0",
  data_fingerprint: "ab".repeat(32),
};

function version(n: number, over: Partial<ModelVersion> = {}): ModelVersion {
  return {
    id: `id${n}`,
    projectId: "p",
    number: n,
    label: n === 1 ? "Gradient boosting" : "Logistic regression",
    source: {
      kind: "run",
      runId: "r1",
      modelId: n === 1 ? "gbdt" : "logistic",
      datasetId: "d",
      seed: 0,
      settings: {
        target: "species",
        task: "multiclass",
        metric: "accuracy",
        models: ["gbdt", "logistic"],
        split: { type: "holdout", testFraction: 0.2, folds: 3, seed: 0 },
        criterion: null,
        ensemble: true,
      },
    },
    card,
    dataFingerprint: "ab".repeat(32),
    sha256: "cd".repeat(32),
    metrics: {
      metric: "accuracy",
      cv_mean: 0.95,
      cv_std: 0.02,
      cv: { accuracy: 0.95 },
      test: { accuracy: 0.9667 },
    },
    recipeSteps: ["impute", "one_hot", "no_such_step"],
    sizeBytes: 2048,
    note: "",
    createdAt: 1_000 + n,
    ...over,
  };
}

const reg = (over: Partial<RegistryRecord>): RegistryRecord => ({ ...emptyRegistry("p"), ...over });

describe("deploy state", () => {
  it("keeps the open version, else opens the champion, else the newest; prefers one just added", () => {
    const versions = [version(1), version(2), version(3)];
    const s0 = makeDeployState();
    expect(withView(s0, { versions, registry: reg({ champion: "id2" }) }).selected).toBe("id2");
    expect(withView(s0, { versions, registry: reg({}) }).selected).toBe("id3");
    const open = { ...s0, selected: "id1" };
    expect(withView(open, { versions, registry: reg({ champion: "id2" }) }).selected).toBe("id1");
    expect(withView(open, { versions: versions.slice(1), registry: reg({ champion: "id2" }) }).selected).toBe(
      "id2",
    );
    expect(withView(open, { versions, registry: reg({ champion: "id2" }) }, "id3").selected).toBe("id3");
    expect(withView(s0, { versions: [], registry: reg({}) }).selected).toBeNull();
  });

  it("gives badges and says when there is something to roll back to", () => {
    const r = reg({ champion: "id1", challenger: "id2", previousChampions: ["id3"] });
    expect(badgesOf(r, "id1")).toEqual(["champion"]);
    expect(badgesOf(r, "id2")).toEqual(["challenger"]);
    expect(badgesOf(r, "id3")).toEqual([]);
    expect(badgesOf(null, "id1")).toEqual([]);
    expect(canRollBack(r)).toBe(true);
    expect(canRollBack(reg({ champion: "id1" }))).toBe(false);
  });

  it("compares versions side by side and marks what differs from the first", () => {
    const other = version(2, {
      dataFingerprint: "ef".repeat(32),
      metrics: { metric: "accuracy", cv_mean: 0.9, cv_std: null, cv: {}, test: {} },
      source: { kind: "import", fileName: "sent.json" },
    });
    const rows = compareRows([version(1), other], (n) => `${n} B`);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("cv").label).toBe("CV Accuracy");
    expect(row("cv").cells).toEqual(["0.95 ± 0.02", "0.9"]);
    expect(row("test").cells).toEqual(["0.9667", "–"]);
    expect(row("source").cells).toEqual(["run, gbdt", "imported sent.json"]);
    expect(row("settings").cells).toEqual(["3 folds · 20% test · holdout · seed 0", "–"]);
    expect(row("settings").differs).toEqual([false, true]);
    expect(row("recipe").cells[0]).toMatch(/^Impute missing values|→ no_such_step$/);
    expect(row("recipe").cells[0].split(" → ")).toHaveLength(3);
    expect(row("data").cells).toEqual(["abababababab", "efefefefefef"]);
    expect(row("data").differs).toEqual([false, true]);
    expect(row("size").cells).toEqual(["2048 B", "2048 B"]);
    expect(sameData([version(1), version(2)])).toBe(true);
    expect(sameData([version(1), other])).toBe(false);
    expect(sameData([version(1)])).toBe(false);
  });

  it("fills the one-row form with training's median or most frequent value", () => {
    const d = formDefaults(card);
    expect(d.get("petal_length")).toBe("4.35");
    expect(d.get("island")).toBe("Dream");
    expect(d.get("when")).toBe("1970-02-01");
    expect(d.get("__proto__")).toBe("hello");
    expect(d.get("flag")).toBe("1");
    expect(d.get("empty")).toBe("");
    expect(inputRange(card.inputs[0])).toBe("1 to 6.9 (median 4.35)");
    expect(inputRange(card.inputs[1])).toBe("Dream, Biscoe");
    expect(inputRange(card.inputs[2])).toBe("1970-01-01 to 1971-01-01 (median 1970-02-01)");
    expect(inputRange(card.inputs[5])).toBe("–");
  });

  it("says why an import was refused and that nothing was stored", () => {
    const err = { name: "ValidationError", message: "the file was changed after export (checksum mismatch)" };
    expect(importRefusal("model.json", err)).toBe(
      '"model.json" was not imported: the file was changed after export (checksum mismatch). Nothing was stored.',
    );
  });

  it("reports unseen categories, unscored rows, dropped rows and ignored columns in sentences", () => {
    const notes = batchNotes({
      rows: 500,
      failedCount: 103,
      failed: Array.from({ length: 3 }, (_, i) => ({ row: i + 7, reason: "x" })),
      dropped: 2,
      unseen: [{ column: "island", rows: 3, examples: ["Atlantis", "Mu"] }],
      columns: { extra: ["note"], reordered: true },
    });
    expect(notes).toEqual([
      '3 rows of "island" hold categories the model never saw (Atlantis, Mu); they are encoded as unknown.',
      "103 rows could not be scored: row 7, 8, 9 and 100 more.",
      "2 rows of the file could not be read and were left out.",
      "Ignored 1 column the model does not use: note.",
      "The columns come in another order than in training; they were matched by name.",
    ]);
    expect(
      batchNotes({
        rows: 1,
        failedCount: 0,
        failed: [],
        dropped: 0,
        unseen: [],
        columns: { extra: [], reordered: false },
      }),
    ).toEqual([]);
  });

  it("names downloads safely", () => {
    expect(exportFileName("Churn: Q3 / EU", { number: 2 })).toBe("Churn-Q3-EU-v2.json");
    expect(exportFileName("…", { number: 1 })).toBe("model-v1.json");
    expect(predictionsFileName("new rows.csv")).toBe("new-rows-predictions.csv");
    expect(predictionsFileName("../x.TSV")).toBe("x-predictions.csv");
  });

  it("words the scoring progress", () => {
    expect(scoreProgressText(null)).toBe("Starting…");
    expect(scoreProgressText({ phase: "score", done: 20_000, total: 1_000_000 })).toBe(
      "Scored 20,000 of 1,000,000 rows",
    );
    expect(scoreProgressText({ phase: "read", done: 1024, total: 0 })).toMatch(/^Reading 1(\.0)? KB$/);
  });

  it("says what scale the reasons are on", () => {
    expect(reasonsCaption({ scale: "log_odds", method: "linear", class: "yes" })).toBe(
      "Top reasons, in log-odds of yes, against a typical row (training's medians and most frequent values):",
    );
    expect(reasonsCaption({ scale: "value", method: "tree", class: null })).toBe(
      "Top reasons, in predicted value, against training's average answer:",
    );
  });
});
