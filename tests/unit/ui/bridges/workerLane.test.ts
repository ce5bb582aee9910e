import * as Comlink from "comlink";
import { describe, expect, it } from "vitest";
import { makeWorkerLane } from "../../../../src/ui/bridges/workerLane.ts";

/** A "worker" over a MessageChannel whose far side keeps running (and reporting) after terminate. */
function fakeWorker() {
  const { port1, port2 } = new MessageChannel();
  let report: ((n: number) => void) | undefined;
  let finish: ((v: string) => void) | undefined;
  Comlink.expose(
    {
      work: (onProgress: (n: number) => void) =>
        new Promise<string>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    },
    port2,
  );
  const worker = Object.assign(port1, { terminate: () => {} }) as unknown as Worker;
  return {
    worker,
    report: (n: number) => report?.(n),
    finish: (v: string) => finish?.(v),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

type Api = { work(onProgress: (n: number) => void): Promise<string> };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe("makeWorkerLane", () => {
  it("drops a progress report that arrives after the call was aborted", async () => {
    const fake = fakeWorker();
    const lane = makeWorkerLane<Api>(() => fake.worker, "stopped");
    const seen: number[] = [];
    const controller = new AbortController();
    const call = lane.run(controller.signal, (api, live) =>
      api.work(Comlink.proxy(live((n: number) => seen.push(n)))),
    );
    await settle();
    fake.report(1);
    await settle();
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError", message: "stopped" });
    fake.report(2); // posted by a worker that was told to stop, delivered late
    await settle();
    expect(seen).toEqual([1]);
    fake.close();
  });

  it("drops a report that arrives after the call resolved, and keeps the ones before", async () => {
    const fake = fakeWorker();
    const lane = makeWorkerLane<Api>(() => fake.worker, "stopped");
    const seen: number[] = [];
    const call = lane.run(undefined, (api, live) =>
      api.work(Comlink.proxy(live((n: number) => seen.push(n)))),
    );
    await settle();
    fake.report(1);
    fake.report(2);
    await settle();
    fake.finish("done");
    expect(await call).toBe("done");
    fake.report(3);
    await settle();
    expect(seen).toEqual([1, 2]);
    fake.close();
  });
});
