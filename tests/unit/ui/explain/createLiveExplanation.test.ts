import { describe, expect, it } from "vitest";
import type { ValueAnswer } from "../../../../src/core/automl/explain/explainValues.ts";
import type { RowValues } from "../../../../src/core/automl/explain/rowValues.ts";
import { makeLiveExplanation } from "../../../../src/ui/explain/createLiveExplanation.ts";
import type { ExplainClient } from "../../../../src/ui/explain/explainClient.ts";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A stand-in for the worker: each explain call waits until the test answers it. */
function fakeClient() {
  const calls: { values: RowValues; answer: (a: ValueAnswer | null) => void; fail: (e: Error) => void }[] =
    [];
  const client = {
    explain: (_source: unknown, values: RowValues) =>
      new Promise<ValueAnswer | null>((answer, fail) => calls.push({ values, answer, fail })),
  } as unknown as ExplainClient;
  return { client, calls };
}

const answerFor = (x: number): ValueAnswer => ({
  prediction: x,
  proba: null,
  explanation: {
    output: "value",
    method: "linear",
    class: null,
    base: 0,
    value: x,
    columns: ["x"],
    contributions: [x],
  },
});

const source = () => ({ runId: "r", model: "linear" });

describe("makeLiveExplanation", () => {
  it("asks once for edits made together, with the last values", async () => {
    const { client, calls } = fakeClient();
    const live = makeLiveExplanation(client, 0);
    const setValues = (v: RowValues) => live.request(source(), v);
    setValues({ x: 1 });
    setValues({ x: 2 });
    setValues({ x: 3 });
    expect(live.pending()).toBe(true);
    await settle();
    expect(calls.map((c) => c.values)).toEqual([{ x: 3 }]);
    calls[0].answer(answerFor(3));
    await settle();
    expect(live.answer()?.prediction).toBe(3);
    expect(live.pending()).toBe(false);
  });

  it("shows only the latest request's answer: an older one that comes last, or a null, is dropped", async () => {
    const { client, calls } = fakeClient();
    const live = makeLiveExplanation(client, 0);
    const setValues = (v: RowValues) => live.request(source(), v);
    setValues({ x: 1 });
    await settle();
    setValues({ x: 2 });
    await settle();
    expect(calls).toHaveLength(2);
    calls[1].answer(answerFor(2));
    await settle();
    expect(live.answer()?.prediction).toBe(2);
    // The first request's answer arrives late: the screen keeps the newer one.
    calls[0].answer(answerFor(1));
    await settle();
    expect(live.answer()?.prediction).toBe(2);
    // The worker answers null to a request a newer one overtook: still waiting for the newer one.
    setValues({ x: 5 });
    await settle();
    setValues({ x: 6 });
    await settle();
    calls[2].answer(null);
    await settle();
    expect(live.pending()).toBe(true);
    calls[3].fail(new Error("the model could not be read"));
    await settle();
    expect(live.error()).toBe("the model could not be read");
    expect(live.pending()).toBe(false);
  });
});
