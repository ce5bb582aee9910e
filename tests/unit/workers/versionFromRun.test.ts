import { readFileSync } from "node:fs";
import type { UserConfig } from "vite";
import { describe, expect, it } from "vitest";
import { appVersion } from "../../../src/cli/export.ts";
import { loadPipeline } from "../../../src/core/automl/artifact/loadPipeline.ts";
import { predictRows } from "../../../src/core/automl/artifact/predictRows.ts";
import { makeRunService } from "../../../src/core/automl/run/runService.ts";
import { dataFingerprint, readModelFile } from "../../../src/core/deploy/modelFile.ts";
import { listModels } from "../../../src/persist/models.ts";
import { createProject } from "../../../src/persist/projects.ts";
import { getVersionFile, listVersions, registerVersion } from "../../../src/persist/registry.ts";
import { makeIdbRunStore } from "../../../src/persist/runs.ts";
import type { RunSettings } from "../../../src/persist/types.ts";
import { APP_VERSION, versionFromRun } from "../../../workers/versionFromRun.ts";
import { fixtureFrame } from "../core/automl/ladder/helpers.ts";
import { freshDb, rejection } from "../persist/fixtures.ts";

const settings: RunSettings = {
  target: "target",
  task: null,
  metric: null,
  models: ["logistic", "decision_tree"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 7 },
  criterion: null,
  ensemble: true,
};

describe("registering a run's models (the predictor worker's register)", () => {
  it("makes each model a version whose file reads back and predicts exactly as the run's pipeline", async () => {
    const db = await freshDb();
    const project = await createProject(db, "Iris");
    const frame = await fixtureFrame("iris.csv");
    const service = makeRunService({ store: makeIdbRunStore(async () => db), open: async () => ({ frame }) });
    const { run } = await service.start({ projectId: project.id, datasetId: "d", settings });
    expect(run.status).toBe("done");
    const records = await listModels(db, { runId: run.id });
    expect(records.map((r) => r.modelId)).toEqual(["logistic", "decision_tree", "ensemble"]);

    for (const record of records) {
      const input = await versionFromRun(run, record, frame, `note of ${record.modelId}`);
      const version = await registerVersion(db, input);
      const entry = run.entries.find((e) => e.model === record.modelId)!;
      expect(version.source).toMatchObject({ kind: "run", runId: run.id, modelId: record.modelId, seed: 7 });
      expect(version.metrics).toEqual({
        metric: entry.metric,
        cv_mean: entry.cv_mean,
        cv_std: entry.cv_std,
        cv: entry.metrics,
        test: entry.test_metrics,
      });
      expect(version.card.training_rows).toBe(120);
      expect(version.card.app_version).toBe(APP_VERSION);
      expect(version.card.scores.protocol).toBe(
        "3-fold stratified CV on 80% of 150 rows (120), seed 7; test on 20% (30 rows)",
      );
      expect(version.card.inputs.map((i) => i.name)).toEqual([
        "sepal length (cm)",
        "sepal width (cm)",
        "petal length (cm)",
        "petal width (cm)",
      ]);

      // The file as an export writes it and an import reads it: checked, and the same predictions.
      const text = JSON.stringify(await getVersionFile(db, version.id));
      const read = await readModelFile(JSON.parse(text));
      expect(read.file.sha256).toBe(version.sha256);
      const theirs = predictRows(loadPipeline(record.artifact), frame);
      const ours = predictRows(read.pipeline, frame);
      expect(ours.predictions).toEqual(theirs.predictions);
      expect([...(ours.proba?.get("setosa") ?? [])]).toEqual([...(theirs.proba?.get("setosa") ?? [])]);
    }

    // Every version fingerprints the same training rows: the run's training part.
    const { versions, registry } = await listVersions(db, project.id);
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(new Set(versions.map((v) => v.dataFingerprint)).size).toBe(1);
    expect(versions[0].dataFingerprint).not.toBe(await dataFingerprint(frame));
    expect(versions[0].dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(registry.champion).toBe(versions[0].id);
    expect(registry.challenger).toBe(versions[2].id);
    expect(versions[2].recipeSteps.length).toBeGreaterThan(0);
    // Monitoring's reference travels in the file.
    expect((await getVersionFile(db, versions[0].id)).reference).toBeDefined();

    // A model without a kept pipeline cannot be registered.
    const bare = { ...records[0], artifact: null };
    const err = await rejection(versionFromRun(run, bare, frame, ""));
    expect(err.name).toBe("ValidationError");
    expect(err.message).toMatch(/kept no fitted pipeline in this run, so it cannot be registered\.$/);
  }, 60_000);
});

describe("the app version in model cards", () => {
  it("is package.json's, as the CLI reads it, and every build puts it in the same way", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(APP_VERSION).toBe(pkg.version);
    expect(await appVersion()).toBe(pkg.version);
    // The app (its workers included) and the HTML predictor are built with the same define.
    const app = (await import("../../../vite.config.ts")).default as UserConfig;
    const predictor = (await import("../../../vite.predictor.config.ts")).default as UserConfig;
    for (const config of [app, predictor])
      expect(config.define?.__APP_VERSION__).toBe(JSON.stringify(pkg.version));
  });
});
