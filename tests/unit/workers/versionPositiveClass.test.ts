import { describe, expect, it } from "vitest";
import { makeRunService } from "../../../src/core/automl/run/runService.ts";
import { listModels } from "../../../src/persist/models.ts";
import { createProject } from "../../../src/persist/projects.ts";
import { registerVersion } from "../../../src/persist/registry.ts";
import { makeIdbRunStore } from "../../../src/persist/runs.ts";
import type { RunSettings } from "../../../src/persist/types.ts";
import { versionFromRun } from "../../../workers/versionFromRun.ts";
import { fixtureFrame } from "../core/automl/ladder/helpers.ts";
import { freshDb } from "../persist/fixtures.ts";

const settings = (positiveClass?: string): RunSettings => ({
  target: "Status",
  task: null,
  metric: null,
  models: ["logistic"],
  split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 2, seed: 0 },
  criterion: null,
  ensemble: false,
  ...(positiveClass ? { positiveClass } : {}),
});

describe("a registered version's positive class", () => {
  it("is the run's: proposed by the framing, or the one chosen in Frame", async () => {
    const db = await freshDb();
    const project = await createProject(db, "Credit");
    const frame = await fixtureFrame("credit_data.csv");
    const service = makeRunService({ store: makeIdbRunStore(async () => db), open: async () => ({ frame }) });
    for (const [chosen, expected] of [
      [undefined, "bad"],
      ["good", "good"],
    ] as const) {
      const { run } = await service.start({
        projectId: project.id,
        datasetId: "d",
        settings: (chosen && settings(chosen)) || settings(),
      });
      expect(run.settings.positiveClass ?? null).toBe(chosen ?? null);
      const [record] = await listModels(db, { runId: run.id });
      const version = await registerVersion(db, await versionFromRun(run, record, frame, ""));
      expect(version.card.positive_class).toBe(expected);
    }
  });
});
