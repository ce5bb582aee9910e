import { describe, expect, it } from "vitest";
import type { TargetFraming } from "../../../../src/core/profile/profileFrame.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import {
  contextRead,
  criterionTyped,
  datasetSelected,
  type FrameModel,
  framingToSave,
  makeFrameState,
  metricSelected,
  openFailed,
  openStarted,
  profiled,
  profileFailed,
  profileProgressed,
  profileRequest,
  profileStarted,
  saveFailed,
  saveSucceeded,
  selectedFrameDataset,
  targetSelected,
} from "../../../../src/ui/frame/frameState.ts";
import { frameOf } from "../../core/profile/frameOf.ts";
import { columnMeta, datasetMeta } from "../datasetMeta.ts";

const frame = frameOf({
  a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  island: ["x", "y", "x", "y", "x", "y", "x", "y", "x", "y", "x", "y"],
  species: ["p", "p", "q", "q", "r", "r", "p", "q", "r", "p", "q", "r"],
});
/** Real framings from the profiler: a three-class target and a numeric one. */
const species = profileFrame(frame, { target: "species" }).framing as TargetFraming;
const amount = profileFrame(frame, { target: "a" }).framing as TargetFraming;

const penguins = datasetMeta("d1", 100, [
  columnMeta("a", "numeric"),
  columnMeta("island", "categorical"),
  columnMeta("species", "categorical"),
]);
const other = datasetMeta("d2", 200, [columnMeta("a", "numeric"), columnMeta("colour", "categorical")]);
const abortError = () => Object.assign(new Error("stopped"), { name: "AbortError" });

/** Project p1 opened with species framed, its accuracy metric restored and profiled. */
function framed(criterion = "accuracy >= 0.5"): FrameModel {
  const s = contextRead(openStarted(makeFrameState(), "p1"), "p1", {
    datasets: [other, penguins],
    datasetId: "d1",
    target: "species",
    framing: { datasetId: "d1", target: "species", metric: "accuracy", criterion },
  });
  return profiled(profileStarted(s), species, true);
}

describe("frame state: opening", () => {
  it("takes in the saved framing and starts profiling the target", () => {
    const s = contextRead(openStarted(makeFrameState(), "p1"), "p1", {
      datasets: [other, penguins],
      datasetId: "d1",
      target: "species",
      framing: { datasetId: "d1", target: "species", metric: "accuracy", criterion: "accuracy >= 0.5" },
    });
    expect(s).toMatchObject({
      projectId: "p1",
      datasetId: "d1",
      target: "species",
      metric: "accuracy",
      criterion: "accuracy >= 0.5",
      savedCriterion: "accuracy >= 0.5",
      loading: false,
    });
    expect(selectedFrameDataset(s)).toBe(penguins);
    expect(profileRequest(s)).toEqual({ datasetId: "d1", target: "species" });
    expect(profileStarted(s).profiling).toEqual({ progress: null });
  });

  it("drops what was read for a project no longer open, and a failure there", () => {
    const s = openStarted(makeFrameState(), "p2");
    const read = contextRead(s, "p1", { datasets: [penguins], datasetId: "d1", target: null, framing: null });
    expect(read).toBe(s);
    expect(openFailed(s, "p1", new Error("gone"))).toBe(s);
    expect(openFailed(s, "p2", new Error("gone"))).toMatchObject({ loading: false, error: "gone" });
  });

  it("opening clears the framing and what was under way", () => {
    const s = openStarted({ ...framed(), error: "x", cancelled: true, profiling: { progress: null } }, "p3");
    expect(s).toMatchObject({
      projectId: "p3",
      loading: true,
      framing: null,
      error: null,
      cancelled: false,
      profiling: null,
    });
  });
});

describe("frame state: profiling", () => {
  it("keeps a restored metric that suits the task, else takes the proposal", () => {
    expect(species.task).toBe("multiclass");
    expect(species.metric).toBe("accuracy");
    const restored = profileStarted({ ...framed(), metric: "f1_macro" });
    expect(profiled(restored, species, true).metric).toBe("f1_macro");
    expect(profiled(restored, species, false).metric).toBe("accuracy");
    const unsuited = profileStarted({ ...framed(), metric: "rmse" });
    expect(profiled(unsuited, species, true).metric).toBe("accuracy");
  });

  it("shows progress, then the framing", () => {
    const s = profileStarted(framed());
    expect(s.framing).toBeNull();
    const p = profileProgressed(s, { phase: "profile", done: 1, total: 3 });
    expect(p.profiling).toEqual({ progress: { phase: "profile", done: 1, total: 3 } });
    const done = profiled(p, species, true);
    expect(done).toMatchObject({ profiling: null, framing: species });
  });

  it("a profile without a framing is a failure; a cancel is marked, not reported", () => {
    const s = profileStarted(framed());
    expect(profiled(s, null, true)).toMatchObject({
      framing: null,
      profiling: null,
      cancelled: false,
      error: "The profile came back without a framing.",
    });
    expect(profileFailed(s, abortError())).toMatchObject({ cancelled: true, error: null, profiling: null });
    expect(
      profileFailed(s, { name: "ValidationError", message: "species: every value is missing" }).error,
    ).toBe("species: every value is missing");
  });

  it("without a target there is nothing to profile", () => {
    const s = targetSelected(framed(), null);
    expect(profileRequest(s)).toBeNull();
    expect(profileStarted(s).profiling).toBeNull();
  });
});

describe("frame state: choices", () => {
  it("another table keeps the target only when it has that column", () => {
    const s = framed();
    const moved = datasetSelected(s, "d2");
    expect(moved).toMatchObject({ datasetId: "d2", target: null, framing: null, error: null });
    const kept = datasetSelected({ ...s, target: "a" }, "d2");
    expect(kept).toMatchObject({ datasetId: "d2", target: "a" });
    expect(kept?.framing).toBe(species);
    expect(datasetSelected(s, "nope")).toBeNull();
  });

  it("another target forgets the metric; exploration only clears the framing", () => {
    const s = { ...framed(), cancelled: true };
    expect(targetSelected(s, "a")).toMatchObject({
      target: "a",
      metric: null,
      framing: species,
      cancelled: true,
    });
    expect(targetSelected(s, null)).toMatchObject({
      target: null,
      metric: null,
      framing: null,
      cancelled: false,
    });
    expect(metricSelected(s, "f1_macro").metric).toBe("f1_macro");
    expect(criterionTyped(s, "acc").criterion).toBe("acc");
  });
});

describe("frame state: saving", () => {
  it("writes the framing with a parsed criterion, trimmed", () => {
    const { state, write } = framingToSave(criterionTyped(framed(), "  accuracy >= 0.8 "));
    expect(write).toEqual({
      projectId: "p1",
      framing: {
        datasetId: "d1",
        target: "species",
        metric: "accuracy",
        criterion: "accuracy >= 0.8",
        positiveClass: null,
      },
    });
    expect(state.savedCriterion).toBe("accuracy >= 0.8");
  });

  it("keeps the criterion last written while the one typed does not parse; blank removes it", () => {
    const typing = framingToSave(criterionTyped(framed(), "accuracy >="));
    expect(typing.write?.framing.criterion).toBe("accuracy >= 0.5");
    expect(typing.state.savedCriterion).toBe("accuracy >= 0.5");
    const wrongTask = framingToSave(criterionTyped(framed(), "RMSE < 5"));
    expect(wrongTask.write?.framing.criterion).toBe("accuracy >= 0.5");
    expect(framingToSave(criterionTyped(framed(), "  ")).write?.framing.criterion).toBeNull();
  });

  it("checks the criterion against the framed task", () => {
    const s = profiled(profileStarted(targetSelected(framed(""), "a")), amount, false);
    expect(amount.task).toBe("regression");
    expect(framingToSave(criterionTyped(s, "rmse < 3")).write?.framing).toEqual({
      datasetId: "d1",
      target: "a",
      metric: amount.metric,
      criterion: "rmse < 3",
      positiveClass: null,
    });
  });

  it("writes no target before it is profiled, and no metric or criterion without a target", () => {
    const unprofiled = targetSelected(framed(), "a");
    expect(framingToSave(unprofiled)).toEqual({ state: unprofiled, write: null });
    const exploring = framingToSave(targetSelected(framed(), null));
    expect(exploring.write?.framing).toEqual({
      datasetId: "d1",
      target: null,
      metric: null,
      criterion: null,
      positiveClass: null,
    });
    const none = makeFrameState();
    expect(framingToSave(none).write).toBeNull();
  });

  it("says when a write failed, until one succeeds", () => {
    const failed = saveFailed(framed(), { name: "QuotaExceededError", message: "" });
    expect(failed.saveError).toBe(
      "The framing could not be saved: The browser's storage is full: delete a dataset or project and try again.",
    );
    expect(saveSucceeded(failed).saveError).toBeNull();
  });
});
