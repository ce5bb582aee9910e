import { describe, expect, it, vi } from "vitest";
import { previewRows } from "../../../../src/core/data/preview.ts";
import { sampleFrame } from "../../persist/fixtures.ts";
import { openFramedProject, testDataClient, until } from "../storeHarness.ts";

// Node resolves solid-js to its server build, whose stores are plain objects; the browser build
// is what the app runs, so the store is tested on that one.
vi.mock("solid-js", () => vi.importActual<object>("../../../../node_modules/solid-js/dist/solid.js"));
vi.mock("solid-js/store", () =>
  vi.importActual<object>("../../../../node_modules/solid-js/store/dist/store.js"),
);

const { createDatasetStore } = await import("../../../../src/ui/data/datasetStore.ts");
const { listDatasets } = await import("../../../../src/persist/datasets.ts");
const { getDb } = await import("../../../../src/ui/shared/appDb.ts");

describe("createDatasetStore over storage and the data worker's calls", () => {
  it("frames a project on a sample's target once loaded, unless it is framed already", async () => {
    const { getProject } = await import("../../../../src/persist/projects.ts");
    const framing = async (id: string) => (await getProject(await getDb(), id)).framing;
    const unframed = await openFramedProject(null);
    const [state, actions] = createDatasetStore({ client: testDataClient().client });
    const sample = { type: "text", text: "age,churn\n30,yes\n40,no\n50,no\n", name: "sample.csv" } as const;
    await actions.open(unframed.projectId);
    await actions.ingest(unframed.projectId, sample, {}, "churn");
    expect(state.ingest).toBeNull();
    expect(state.datasets[0].name).toBe("sample.csv");
    expect(await framing(unframed.projectId)).toEqual({
      datasetId: state.selectedId,
      target: "churn",
      metric: "roc_auc",
      criterion: null,
      positiveClass: "yes",
    });

    // A project framed by the person keeps its framing.
    const framed = await openFramedProject("age");
    const before = await framing(framed.projectId);
    await actions.ingest(framed.projectId, sample, {}, "churn");
    expect(await framing(framed.projectId)).toEqual(before);
  });

  it("lists, loads, selects, re-types, renames and deletes", async () => {
    const { projectId, datasetId } = await openFramedProject(null);
    const worker = testDataClient();
    const changed: string[] = [];
    const [state, actions] = createDatasetStore({
      client: worker.client,
      onChanged: (id) => changed.push(id),
    });

    await actions.open(projectId);
    expect(state.datasets.map((d) => d.id)).toEqual([datasetId]);
    expect(state.selectedId).toBe(datasetId);
    expect(state.preview).toEqual({ datasetId, rows: previewRows(sampleFrame(), 0, 50) });
    expect(state.listLoading).toBe(false);

    await actions.ingest(projectId, { type: "text", text: "x,y\n1,a\n2,b\n", name: "pasted.csv" });
    const pasted = state.datasets[0];
    expect(state.datasets.map((d) => d.name)).toEqual(["pasted.csv", "churn.csv"]);
    expect(state).toMatchObject({ selectedId: pasted.id, ingest: null, status: "Loaded pasted.csv." });
    expect(state.preview).toEqual({
      datasetId: pasted.id,
      rows: [
        ["1", "a"],
        ["2", "b"],
      ],
    });
    expect(changed).toEqual([projectId]);

    await actions.select(datasetId);
    expect(state.preview?.datasetId).toBe(datasetId);
    expect(state.status).toBeNull();

    expect(await actions.setKind(0, "categorical")).toBe(true);
    expect(state.datasets.find((d) => d.id === datasetId)?.columns[0].kind).toBe("categorical");
    expect(state.pendingKind).toBeNull();
    expect(changed).toHaveLength(2);

    await actions.rename(datasetId, "  renamed  ");
    expect(state.datasets.find((d) => d.id === datasetId)?.name).toBe("renamed");
    expect((await listDatasets(await getDb(), projectId)).map((d) => d.name).sort()).toEqual([
      "pasted.csv",
      "renamed",
    ]);

    await actions.remove(datasetId);
    expect(state.status).toBe("Dataset deleted.");
    expect(state.selectedId).toBe(pasted.id);
    await until(() => state.preview?.datasetId === pasted.id);
    expect(state.preview?.rows).toHaveLength(2);

    await actions.showMore();
    expect(worker.pages.at(-1)).toEqual({ datasetId: pasted.id, start: 2, count: 50 });
    expect(state.preview?.rows).toHaveLength(2);
    expect(state.previewLoading).toBe(false);

    await actions.rename(pasted.id, "   ");
    expect(state.error).toBe("A dataset needs a name.");
    actions.dismissError();
    expect(state.error).toBeNull();
  });

  it("a cancelled load says so and stores nothing", async () => {
    const { projectId } = await openFramedProject(null);
    const worker = testDataClient({ holdIngest: new Promise(() => {}) });
    const [state, actions] = createDatasetStore({ client: worker.client });
    await actions.open(projectId);
    const loading = actions.ingest(projectId, { type: "text", text: "x\n1\n", name: "slow.csv" });
    expect(state.ingest).toMatchObject({ projectId, name: "slow.csv", total: 4, done: 0 });
    actions.cancelIngest();
    await loading;
    expect(state).toMatchObject({ ingest: null, status: "Loading cancelled.", error: null });
    expect(state.datasets).toHaveLength(1);
    expect(await listDatasets(await getDb(), projectId)).toHaveLength(1);
  });

  it("a bad file is reported in its project", async () => {
    const { projectId } = await openFramedProject(null);
    const [state, actions] = createDatasetStore({ client: testDataClient().client });
    await actions.open(projectId);
    await actions.ingest(projectId, { type: "text", text: "", name: "empty.csv" });
    expect(state.ingest).toBeNull();
    expect(state.error).toBe("The file is empty.");
    expect(state.datasets).toHaveLength(1);
  });
});
