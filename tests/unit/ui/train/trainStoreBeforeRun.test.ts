import { describe, expect, it, vi } from "vitest";
import type { RunRecord } from "../../../../src/core/automl/run/runStore.ts";
import type { TrainClient } from "../../../../src/ui/bridges/trainClient.ts";

// Node resolves solid-js to its server build; the store is tested on the browser build the app runs.
vi.mock("solid-js", () => vi.importActual<object>("../../../../node_modules/solid-js/dist/solid.js"));
vi.mock("solid-js/store", () =>
  vi.importActual<object>("../../../../node_modules/solid-js/store/dist/store.js"),
);

const { createTrainStore } = await import("../../../../src/ui/train/trainStore.ts");

describe("createTrainStore's beforeRun", () => {
  it("runs before the client starts the work, once per run", async () => {
    const calls: string[] = [];
    const refuse = () => Promise.reject(new Error("not used by this test"));
    const client = {
      plan: refuse,
      startRun: refuse,
      async resumeRun(runId: string) {
        calls.push(`resume ${runId}`);
        // The store shows the error line for a failed run and stays usable.
        throw new Error("no such run");
      },
      evaluate: refuse,
      learningCurve: refuse,
      permutationImportance: refuse,
      isActive: () => false,
      settleRuns: async (runs: RunRecord[]) => runs,
      dispose() {},
    } satisfies TrainClient;
    const [state, actions] = createTrainStore({ client, beforeRun: () => calls.push("before") });

    await actions.resume("r1");
    expect(calls).toEqual(["before", "resume r1"]);
    expect(state.error).toContain("no such run");
    await actions.resume("r2");
    expect(calls).toEqual(["before", "resume r1", "before", "resume r2"]);
  });
});
