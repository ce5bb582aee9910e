import { describe, expect, it } from "vitest";
import {
  callFailed,
  type DatasetModel,
  datasetPut,
  datasetRemoved,
  failed,
  ingestFailed,
  ingestLoaded,
  ingestProgressed,
  ingestSize,
  ingestStarted,
  isLoadingInto,
  kindApplied,
  kindEnded,
  kindReread,
  kindStarted,
  listEnded,
  listFailed,
  listRead,
  listStarted,
  makeDatasetState,
  moreStarted,
  previewAppended,
  previewEnded,
  previewFailed,
  previewLoaded,
  previewStarted,
  previewToLoad,
  putDataset,
  selected,
  selectedDataset,
} from "../../../../src/ui/data/datasetState.ts";
import type { IngestResult } from "../../../../workers/dataApi.ts";
import { datasetMeta } from "../datasetMeta.ts";

const abortError = () => Object.assign(new Error("stopped"), { name: "AbortError" });
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [String(from + i), null]);
const older = datasetMeta("a", 100);
const newer = datasetMeta("b", 200);

/** Project p1 listed with two tables, the newest selected and its first rows shown. */
function shown(): DatasetModel {
  const started = listStarted(makeDatasetState(), "p1");
  const listed = listRead(started, started.listCall, "p1", [older, newer]);
  const loading = previewStarted(listEnded(listed, listed.listCall));
  return previewEnded(previewLoaded(loading, loading.previewCall, "b", rows(0, 3)), loading.previewCall);
}

describe("dataset state: the list", () => {
  it("lists newest first and selects the newest", () => {
    const s = shown();
    expect(s.datasets.map((d) => d.id)).toEqual(["b", "a"]);
    expect(s.selectedId).toBe("b");
    expect(selectedDataset(s)?.name).toBe("b.csv");
    expect(s.listLoading).toBe(false);
    expect(s.preview).toEqual({ datasetId: "b", rows: rows(0, 3) });
  });

  it("another project starts empty and drops the preview read under way", () => {
    const s = { ...shown(), status: "Dataset deleted.", error: "x" };
    const next = listStarted(s, "p2");
    expect(next).toMatchObject({
      projectId: "p2",
      datasets: [],
      selectedId: null,
      preview: null,
      status: null,
      error: null,
    });
    expect(next.previewCall).toBe(s.previewCall + 1);
    expect(next.listLoading).toBe(true);
    const same = listStarted(s, "p1");
    expect(same.datasets).toBe(s.datasets);
    expect(same.previewCall).toBe(s.previewCall);
    expect(same.listCall).toBe(s.listCall + 1);
  });

  it("keeps a load that finished while listing, and the selection when still there", () => {
    const loaded = datasetMeta("c", 300);
    const s = { ...listStarted(shown(), "p1"), datasets: [loaded, newer, older], selectedId: "a" };
    const next = listRead(s, s.listCall, "p1", [older, newer]);
    expect(next.datasets.map((d) => d.id)).toEqual(["c", "b", "a"]);
    expect(next.selectedId).toBe("a");
    const gone = listRead({ ...s, selectedId: "zzz" }, s.listCall, "p1", [older]);
    expect(gone.selectedId).toBe("c");
    const empty = listRead(listStarted(makeDatasetState(), "p9"), 1, "p9", []);
    expect(empty.selectedId).toBeNull();
  });

  it("drops a list read that a newer read or another project replaced", () => {
    const first = listStarted(shown(), "p1");
    const second = listStarted(first, "p1");
    expect(listRead(second, first.listCall, "p1", [])).toBe(second);
    expect(listRead(second, second.listCall, "p2", [])).toBe(second);
    expect(listFailed(second, first.listCall, new Error("x"))).toBe(second);
    expect(listEnded(second, first.listCall)).toBe(second);
    expect(listFailed(second, second.listCall, new Error("disk"))).toMatchObject({ error: "disk" });
  });

  it("puts a dataset in place by id, newest first", () => {
    const renamed = { ...older, name: "renamed.csv" };
    expect(putDataset([newer, older], renamed).map((d) => d.name)).toEqual(["b.csv", "renamed.csv"]);
    expect(putDataset([older], newer).map((d) => d.id)).toEqual(["b", "a"]);
    expect(datasetPut(shown(), renamed).datasets[1]).toBe(renamed);
  });
});

describe("dataset state: the preview", () => {
  it("needs a read when the selected table's rows are not shown", () => {
    const s = shown();
    expect(previewToLoad(s)).toBeNull();
    expect(previewToLoad(selected(s, "a"))).toBe("a");
    expect(previewToLoad(makeDatasetState())).toBeNull();
  });

  it("selecting drops the rows shown; the same table changes nothing", () => {
    const s = { ...shown(), status: "Loaded b.csv." };
    expect(selected(s, "b")).toBe(s);
    expect(selected(s, "a")).toMatchObject({ selectedId: "a", preview: null, status: null });
  });

  it("drops a read that a newer one replaced", () => {
    const s = shown();
    const first = previewStarted(s);
    const second = previewStarted(first);
    expect(previewLoaded(second, first.previewCall, "a", rows(0, 1))).toBe(second);
    expect(previewEnded(second, first.previewCall)).toBe(second);
    expect(previewFailed(second, first.previewCall, new Error("x"))).toBe(second);
    expect(previewLoaded(second, second.previewCall, "a", rows(0, 1)).preview).toEqual({
      datasetId: "a",
      rows: rows(0, 1),
    });
  });

  it("shows more by appending, once at a time", () => {
    const s = shown();
    const more = moreStarted(s);
    expect(more).toMatchObject({ datasetId: "b", start: 3, state: { previewLoading: true } });
    if (!more) return;
    expect(moreStarted(more.state)).toBeNull();
    expect(moreStarted(makeDatasetState())).toBeNull();
    const call = more.state.previewCall;
    const next = previewAppended(more.state, call, rows(3, 2));
    expect(next.preview?.rows).toEqual(rows(0, 5));
    expect(previewAppended(more.state, call - 1, rows(3, 2))).toBe(more.state);
  });

  it("a stopped read says nothing; a failed one says why", () => {
    const s = previewStarted(shown());
    expect(previewFailed(s, s.previewCall, abortError())).toBe(s);
    expect(previewFailed(s, s.previewCall, { name: "NotFoundError", message: "" }).error).toBe(
      "That item no longer exists.",
    );
    expect(callFailed(s, abortError())).toBe(s);
    expect(failed(s, abortError()).error).toBe("stopped");
  });
});

describe("dataset state: loading a CSV", () => {
  const result: IngestResult = { dataset: datasetMeta("c", 300), preview: { start: 0, rows: rows(0, 2) } };

  it("counts the bytes to read", () => {
    expect(ingestSize({ type: "text", text: "a,é\n", name: "x" })).toBe(5);
    expect(ingestSize({ type: "file", file: new Blob(["12345678"]), name: "x" })).toBe(8);
    expect(ingestSize({ type: "sample", url: "/s.csv", name: "x" })).toBe(0);
  });

  it("follows progress, keeping the total when the worker does not know it", () => {
    const s = ingestStarted({ ...shown(), status: "old", error: "old" }, "p1", {
      type: "text",
      text: "a,b\n1,2\n",
      name: "pasted",
    });
    expect(s.ingest).toEqual({ projectId: "p1", name: "pasted", message: null, done: 0, total: 8, rows: 0 });
    expect(s).toMatchObject({ status: null, error: null });
    const p = ingestProgressed(s, {
      phase: "read",
      done: 4,
      total: 0,
      message: "Reading",
      metrics: { rows: 1 },
    });
    expect(p.ingest).toMatchObject({ message: "Reading", done: 4, total: 8, rows: 1 });
    expect(ingestProgressed(p, { phase: "save", done: 8, total: 8 }).ingest).toMatchObject({
      message: null,
      rows: 1,
    });
    expect(ingestProgressed(makeDatasetState(), { phase: "read", done: 1, total: 2 }).ingest).toBeNull();
  });

  it("selects a loaded table with the worker's rows, replacing a preview read", () => {
    const loading = previewStarted(ingestStarted(shown(), "p1", { type: "sample", url: "u", name: "c" }));
    const s = ingestLoaded(loading, "p1", result, true);
    expect(s.ingest).toBeNull();
    expect(s.datasets.map((d) => d.id)).toEqual(["c", "b", "a"]);
    expect(s).toMatchObject({ selectedId: "c", previewLoading: false, status: "Loaded c.csv." });
    expect(s.preview).toEqual({ datasetId: "c", rows: rows(0, 2) });
    expect(s.previewCall).toBe(loading.previewCall + 1);
    // A newer load still owns the progress; a load into another project leaves this one's list.
    expect(ingestLoaded(loading, "p1", result, false).ingest).not.toBeNull();
    const elsewhere = ingestLoaded(loading, "p2", result, true);
    expect(elsewhere.datasets).toBe(loading.datasets);
    expect(elsewhere.ingest).toBeNull();
  });

  it("knows which project a load goes into", () => {
    const s = ingestStarted(shown(), "p1", { type: "sample", url: "u", name: "c" });
    expect(isLoadingInto(s, "p1")).toBe(true);
    expect(isLoadingInto(s, "p2")).toBe(false);
    expect(isLoadingInto(ingestFailed(s, "p1", abortError()), "p1")).toBe(false);
  });

  it("a cancel says so; an error is shown only in its own project", () => {
    const s = kindStarted(
      previewStarted(ingestStarted(shown(), "p1", { type: "sample", url: "u", name: "c" })),
      2,
    );
    expect(ingestFailed(s, "p1", abortError())).toMatchObject({
      ingest: null,
      previewLoading: false,
      pendingKind: null,
      status: "Loading cancelled.",
      error: null,
    });
    expect(ingestFailed(s, "p1", new Error("Row 3 has 4 cells")).error).toBe("Row 3 has 4 cells");
    expect(ingestFailed(s, "p2", new Error("Row 3 has 4 cells")).error).toBeNull();
  });
});

describe("dataset state: deleting and re-typing", () => {
  it("deleting the selected table selects the newest left", () => {
    const s = shown();
    const next = datasetRemoved(s, "b");
    expect(next).toMatchObject({ selectedId: "a", preview: null, status: "Dataset deleted." });
    expect(previewToLoad(next)).toBe("a");
    const other = datasetRemoved(s, "a");
    expect(other.selectedId).toBe("b");
    expect(other.preview).toBe(s.preview);
    expect(datasetRemoved(datasetRemoved(s, "a"), "b").selectedId).toBeNull();
  });

  it("re-typing replaces the rows shown, or asks to read as many again", () => {
    const s = kindStarted({ ...shown(), error: "old" }, 1);
    expect(s).toMatchObject({ pendingKind: 1, error: null });
    const retyped = { ...newer, rows: 999 };
    const enough = kindApplied(s, "b", { dataset: retyped, preview: { start: 0, rows: rows(10, 3) } });
    expect(enough.reread).toBeNull();
    expect(enough.state.preview).toEqual({ datasetId: "b", rows: rows(10, 3) });
    expect(enough.state.datasets[0].rows).toBe(999);
    const few = kindApplied(s, "b", { dataset: retyped, preview: { start: 0, rows: rows(10, 2) } });
    expect(few.reread).toBe(3);
    expect(few.state.preview).toBe(s.preview);
    expect(kindReread(few.state, "b", rows(20, 3)).preview?.rows).toEqual(rows(20, 3));
    expect(kindReread(selected(few.state, "a"), "b", rows(20, 3)).preview).toBeNull();
    const moved = kindApplied(selected(s, "a"), "b", { dataset: retyped, preview: { start: 0, rows: [] } });
    expect(moved).toMatchObject({ reread: null, state: { preview: null } });
    expect(kindEnded(s).pendingKind).toBeNull();
  });
});
