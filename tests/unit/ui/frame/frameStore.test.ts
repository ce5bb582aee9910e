import { describe, expect, it, vi } from "vitest";
import { openFramedProject, testDataClient, until } from "../storeHarness.ts";

// Node resolves solid-js to its server build, whose stores are plain objects; the browser build
// is what the app runs, so the store is tested on that one.
vi.mock("solid-js", () => vi.importActual<object>("../../../../node_modules/solid-js/dist/solid.js"));
vi.mock("solid-js/store", () =>
  vi.importActual<object>("../../../../node_modules/solid-js/store/dist/store.js"),
);

const { createFrameStore } = await import("../../../../src/ui/frame/frameStore.ts");
const { getProject } = await import("../../../../src/persist/projects.ts");
const { getDb } = await import("../../../../src/ui/shared/appDb.ts");

const stored = async (projectId: string) => (await getProject(await getDb(), projectId)).framing;

describe("createFrameStore over storage and the data worker's calls", () => {
  it("profiles the saved target, then writes each choice", async () => {
    const { projectId, datasetId } = await openFramedProject("churn");
    const [state, actions] = createFrameStore({ client: testDataClient().client });

    await actions.open(projectId);
    expect(state).toMatchObject({ projectId, datasetId, target: "churn", loading: false, profiling: null });
    expect(state.framing?.task).toBe("binary");
    expect(state.metric).toBe(state.framing?.metric);

    await actions.selectTarget("city");
    expect(state.framing?.target).toBe("city");
    const cityMetric = state.framing?.metric;
    expect(await stored(projectId)).toEqual({
      datasetId,
      target: "city",
      metric: cityMetric,
      criterion: null,
      // Two cities: binary, the rarer one proposed as positive.
      positiveClass: "Lima",
    });

    actions.setCriterion(" accuracy >= 0.8 ");
    await until(async () => (await stored(projectId))?.criterion === "accuracy >= 0.8");

    // Words that do not parse keep the criterion last written.
    actions.setCriterion("accuracy >=");
    actions.selectMetric("accuracy");
    await until(async () => (await stored(projectId))?.metric === "accuracy");
    expect((await stored(projectId))?.criterion).toBe("accuracy >= 0.8");

    await actions.selectTarget(null);
    expect(state.framing).toBeNull();
    expect(await stored(projectId)).toEqual({
      datasetId,
      target: null,
      metric: null,
      criterion: null,
      positiveClass: null,
    });
  });

  it("proposes the positive class of a binary target, stores the one chosen and restores it", async () => {
    const { projectId } = await openFramedProject("churn");
    const [state, actions] = createFrameStore({ client: testDataClient().client });
    await actions.open(projectId);
    expect(state.framing?.detection.positiveClass).toBe("yes");
    expect(state.positiveClass).toBe("yes");

    actions.selectPositive("no");
    await until(async () => (await stored(projectId))?.positiveClass === "no");
    // Not a class of the target: nothing changes.
    actions.selectPositive("maybe");
    expect(state.positiveClass).toBe("no");

    const [again, reopen] = createFrameStore({ client: testDataClient().client });
    await reopen.open(projectId);
    expect(again.positiveClass).toBe("no");
    // Another target is framed afresh: its own proposal, and none for a regression.
    await reopen.selectTarget("age");
    expect(again.positiveClass).toBeNull();
    expect((await stored(projectId))?.positiveClass).toBeNull();
  });

  it("a cancelled profile is marked and can be run again", async () => {
    const { projectId } = await openFramedProject(null);
    const [state, actions] = createFrameStore({ client: testDataClient().client });
    await actions.open(projectId);
    expect(state.target).toBeNull();
    const choosing = actions.selectTarget("churn");
    expect(state.profiling).toEqual({ progress: null });
    actions.cancel();
    await choosing;
    expect(state).toMatchObject({ cancelled: true, error: null, profiling: null, framing: null });
    expect((await stored(projectId))?.target).toBeNull();
    await actions.retry();
    expect(state.cancelled).toBe(false);
    expect(state.framing?.target).toBe("churn");
    expect((await stored(projectId))?.target).toBe("churn");
  });

  it("says why a column cannot be the target, and writes nothing", async () => {
    const { projectId } = await openFramedProject(null);
    const [state, actions] = createFrameStore({ client: testDataClient().client });
    await actions.open(projectId);
    await actions.selectTarget("nope");
    expect(state.error).toBe('There is no column named "nope"; the columns are "age", "city", "churn".');
    expect(state.framing).toBeNull();
    expect((await stored(projectId))?.target).toBeNull();
  });
});
