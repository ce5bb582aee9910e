import { afterEach, describe, expect, it, vi } from "vitest";
import type { Frame } from "../../../src/core/data/frame.ts";
import { listDatasets, saveDataset } from "../../../src/persist/datasets.ts";
import { createProject, getProject } from "../../../src/persist/projects.ts";
import { isQuotaError } from "../../../src/persist/write.ts";
import { freshDb, rejection, report } from "./fixtures.ts";

// 3 float columns of 200,000 rows: 4.8 MB.
function bigFrame(): Frame {
  const rows = 200_000;
  return {
    rows,
    columns: ["a", "b", "c"].map((name) => ({
      name,
      kind: "numeric" as const,
      role: "feature" as const,
      data: { type: "float" as const, values: new Float64Array(rows).fill(1) },
      missing: 0,
      unique: 1,
    })),
  };
}

type PutArgs = Parameters<IDBObjectStore["put"]>;
const originalPut = IDBObjectStore.prototype.put;

/** Makes the put of column record 1 fail in the way `fail` says; records 0 (and the meta) go through first. */
function failSecondColumnPut(fail: (store: IDBObjectStore, args: PutArgs) => IDBRequest<IDBValidKey>) {
  vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (
    this: IDBObjectStore,
    ...args: PutArgs
  ) {
    const value = args[0] as { index?: number };
    if (this.name === "columns" && value.index === 1) return fail(this, args);
    return originalPut.apply(this, args);
  });
}

async function expectNothingKept(variant: () => void) {
  vi.stubGlobal("navigator", {
    storage: { estimate: async () => ({ usage: 1_000_000, quota: 3_000_000 }), persisted: async () => false },
  });
  const db = await freshDb();
  const project = await createProject(db, "P");
  variant();
  const err = await rejection(
    saveDataset(db, { projectId: project.id, name: "big", source: "file", frame: bigFrame(), report }),
  );
  vi.restoreAllMocks();
  expect(err.name).toBe("StorageFullError");
  expect(err.message).toBe(
    "Not enough storage space to keep this dataset (it needs about 4.8 MB; 2.0 MB are free). " +
      "Delete a project or dataset and try again.",
  );
  expect(await db.count("datasets")).toBe(0);
  expect(await db.count("columns")).toBe(0);
  expect(await listDatasets(db, project.id)).toEqual([]);
  expect((await getProject(db, project.id)).updatedAt).toBe(project.updatedAt);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("quota failures", () => {
  it("a put that throws QuotaExceededError synchronously", async () => {
    await expectNothingKept(() =>
      failSecondColumnPut(() => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }),
    );
  });

  it("a transaction that aborts with QuotaExceededError at commit, after its requests succeeded", async () => {
    await expectNothingKept(() =>
      failSecondColumnPut((store, args) => {
        const request = originalPut.apply(store, args);
        // What Chromium does when the commit does not fit: the transaction aborts with tx.error set.
        const tx = store.transaction as unknown as { _abort(name: string): void };
        request.addEventListener("success", () => tx._abort("QuotaExceededError"));
        return request;
      }),
    );
  });

  it("a request that fails with QuotaExceededError", async () => {
    type FakeTx = { _execRequestAsync(obj: { operation: () => unknown; source?: unknown }): IDBRequest };
    const proto = IDBTransaction.prototype as unknown as FakeTx;
    const exec = proto._execRequestAsync;
    await expectNothingKept(() =>
      failSecondColumnPut((store, args) => {
        // Let fake-indexeddb run the request, but make its operation fail the way a full disk would.
        vi.spyOn(proto, "_execRequestAsync").mockImplementationOnce(function (this: FakeTx, obj) {
          const operation = () => {
            throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          };
          return exec.call(this, { ...obj, operation });
        });
        return originalPut.apply(store, args);
      }),
    );
  });

  it("says only what the dataset needs when the browser gives no estimate", async () => {
    const db = await freshDb();
    const project = await createProject(db, "P");
    failSecondColumnPut(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    const err = await rejection(
      saveDataset(db, { projectId: project.id, name: "big", source: "file", frame: bigFrame(), report }),
    );
    expect(err.message).toBe(
      "Not enough storage space to keep this dataset (it needs about 4.8 MB). Delete a project or dataset and try again.",
    );
  });

  it("passes other errors through unchanged", async () => {
    const db = await freshDb();
    const project = await createProject(db, "P");
    failSecondColumnPut(() => {
      throw new DOMException("cannot clone", "DataCloneError");
    });
    const err = await rejection(
      saveDataset(db, { projectId: project.id, name: "big", source: "file", frame: bigFrame(), report }),
    );
    expect(err.name).toBe("DataCloneError");
    expect(await db.count("datasets")).toBe(0);
    expect(await db.count("columns")).toBe(0);
  });

  it("recognises quota errors by name or by legacy code 22", () => {
    expect(isQuotaError(new DOMException("x", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError({ name: "Error", code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException("x", "AbortError"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
