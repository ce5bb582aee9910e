import { describe, expect, it } from "vitest";
import type { ModelFile } from "../../../../src/core/deploy/modelFile.ts";
import type { MonitorReport } from "../../../../src/core/monitor/monitorBatch.ts";
import { addBatch } from "../../../../src/persist/monitorBatches.ts";
import { addDecision, listDecisions } from "../../../../src/persist/monitorDecisions.ts";
import { createProject } from "../../../../src/persist/projects.ts";
import { listVersions, registerVersion } from "../../../../src/persist/registry.ts";
import type { MonitorClient } from "../../../../src/ui/bridges/monitorClient.ts";
import { createMonitorStore, currentComparison } from "../../../../src/ui/monitor/monitorStore.ts";
import { getDb } from "../../../../src/ui/shared/appDb.ts";
import { abortError, settle, until } from "../storeHarness.ts";

const report: MonitorReport = {
  rows: 3,
  reference_rows: 10,
  dataset_drift: false,
  drift_share: 0,
  columns: [],
  prediction: { test: "chi2", statistic: 0, p_value: 1, drift: false, psi: 0, threshold: 0.05 },
  performance: null,
  estimated_performance: null,
};

const file = (tag: string) =>
  ({
    format: "automl-playground-model",
    format_version: 1,
    card: { task: "binary", target: "y", metric: "accuracy", classes: ["a", "b"], inputs: [] },
    pipeline: { tag },
    sha256: tag,
  }) as unknown as ModelFile;

async function project() {
  const db = await getDb();
  const p = await createProject(db, "Monitor store");
  const add = (tag: string) =>
    registerVersion(db, {
      projectId: p.id,
      label: tag,
      source: { kind: "import", fileName: `${tag}.json` },
      file: file(tag),
      dataFingerprint: "",
      metrics: { metric: "accuracy", cv_mean: 0.9, cv_std: null, cv: {}, test: {} },
      note: "",
    });
  return { db, projectId: p.id, v1: await add("one"), v2: await add("two") };
}

/** A client whose `monitor` stores the batch as the worker does, after `gate` opens (or rejects on abort). */
function fakeClient(gate: Promise<void>): MonitorClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async monitor(req, call) {
      calls.push(`monitor ${req.name} keep=${req.keepRows}`);
      call?.onProgress?.({ phase: "read", done: 1, total: 4, message: "Reading" });
      await new Promise<void>((resolve, reject) => {
        call?.signal?.addEventListener("abort", () => reject(abortError()));
        void gate.then(resolve);
      });
      const db = await getDb();
      const v = (await listVersions(db, (await db.get("versions", req.versionId))!.projectId)).versions.find(
        (x) => x.id === req.versionId,
      )!;
      return addBatch(db, {
        projectId: v.projectId,
        versionId: v.id,
        name: req.name,
        report,
        overrides: req.overrides,
      });
    },
    retest: async () => {
      throw new Error("not used");
    },
    retrain: async () => {
      throw new Error("not used");
    },
    compare: async () => {
      throw new Error("not used");
    },
    dispose() {},
  };
}

describe("monitor store", () => {
  it("monitors a dropped batch with progress, and a stop is silent and stores nothing", async () => {
    const { projectId, v1 } = await project();
    let open = () => {};
    const client = fakeClient(new Promise<void>((r) => (open = r)));
    const [state, actions] = createMonitorStore({ client, db: getDb });
    await actions.open(projectId);
    expect(state.versionId).toBe(v1.id);
    expect(state.batches).toEqual([]);

    actions.setKeepRows(true);
    const stopped = actions.dropBatch(new File(["x\n1\n"], "jan.csv"));
    await until(() => state.busy?.message === "Reading");
    expect(state.busy).toMatchObject({ kind: "monitor", done: 1, total: 4 });
    actions.cancel();
    await stopped;
    expect(state.busy).toBeNull();
    expect(state.error).toBeNull();
    expect(state.batches).toEqual([]);

    const done = actions.dropBatch(new File(["x\n1\n"], "feb.csv"));
    await settle();
    open();
    await done;
    expect(client.calls).toEqual(["monitor jan.csv keep=true", "monitor feb.csv keep=true"]);
    expect(state.batches.map((b) => [b.number, b.name])).toEqual([[1, "feb.csv"]]);
    expect(state.batchId).toBe(state.batches[0].id);
  });

  it("records promote and roll back as decisions, with the comparison they followed", async () => {
    const { db, projectId, v1, v2 } = await project();
    const [state, actions] = createMonitorStore({ client: fakeClient(Promise.resolve()), db: getDb });
    const compare = await addDecision(db, {
      projectId,
      action: "compare",
      championId: v1.id,
      challengerId: v2.id,
      summary: "v2 better.",
      evidence: { kind: "alias", compareId: null },
    });
    await actions.open(projectId);
    expect(currentComparison(state)?.id).toBe(compare.id);

    await actions.promote();
    expect(state.registry).toMatchObject({ champion: v2.id, challenger: null });
    expect(state.versionId).toBe(v2.id);
    await actions.rollBack();
    expect(state.registry).toMatchObject({ champion: v1.id, challenger: v2.id });
    const decisions = await listDecisions(db, projectId);
    expect(decisions.map((d) => d.action)).toEqual(["compare", "promote", "rollback"]);
    expect(decisions[1].evidence).toEqual({ kind: "alias", compareId: compare.id });
    expect(decisions[1].summary).toBe(
      "Promoted v2 to champion; v1 is kept and can be rolled back to. Evidence: v2 better.",
    );
    expect(decisions[2].summary).toBe("Rolled back: v1 is the champion again; v2 becomes the challenger.");
    expect(state.decisions.map((d) => d.action)).toEqual(["compare", "promote", "rollback"]);
  });
});
