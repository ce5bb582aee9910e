import * as Comlink from "comlink";
import { describe, expect, it } from "vitest";
import { makePool, poolSize } from "../../../workers/pool.ts";

interface Api {
  wait(ms: number, value: string): Promise<string>;
}

/** A stand-in worker: a MessagePort whose other end exposes `Api`, with `terminate`. */
function makeFakes() {
  const made: { id: number; terminated: boolean; started: string[] }[] = [];
  const create = () => {
    const { port1, port2 } = new MessageChannel();
    const record = { id: made.length, terminated: false, started: [] as string[] };
    made.push(record);
    const api: Api = {
      wait: (ms, value) => {
        record.started.push(value);
        // An infinite wait never settles (a fit that only a terminate stops).
        return new Promise((resolve) => {
          if (Number.isFinite(ms)) setTimeout(() => resolve(`${value}@${record.id}`), ms);
        });
      },
    };
    Comlink.expose(api, port2);
    return Object.assign(port1, {
      terminate() {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return { made, create };
}

describe("poolSize", () => {
  it("uses all cores but one, from 1 to 4", () => {
    expect([1, 2, 3, 4, 8, 32].map((c) => poolSize(c))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(poolSize(0)).toBe(1);
  });
});

describe("makePool", () => {
  it("makes workers lazily and runs at most `size` tasks at once, in queue order", async () => {
    const { made, create } = makeFakes();
    const pool = makePool<Api>(create, 2);
    expect(made).toHaveLength(0);
    const results = await Promise.all(["a", "b", "c", "d"].map((v) => pool.run((w) => w.wait(20, v))));
    expect(made).toHaveLength(2);
    expect(results).toEqual(["a@0", "b@1", "c@0", "d@1"]);
    pool.dispose();
  });

  it("drops a queued task on abort without running it", async () => {
    const { made, create } = makeFakes();
    const pool = makePool<Api>(create, 1);
    const ctl = new AbortController();
    const first = pool.run((w) => w.wait(30, "first"));
    const queued = pool.run((w) => w.wait(1, "queued"), ctl.signal);
    ctl.abort();
    await expect(queued).rejects.toMatchObject({ name: "AbortError" });
    expect(await first).toBe("first@0");
    expect(made[0].started).toEqual(["first"]);
    pool.dispose();
  });

  it("terminates the worker of a running task on abort, at once, and makes a fresh one for the next", async () => {
    const { made, create } = makeFakes();
    const pool = makePool<Api>(create, 1);
    const ctl = new AbortController();
    // A task that never ends on its own: only the abort can settle it, so no clock is involved.
    const long = pool.run((w) => w.wait(Number.POSITIVE_INFINITY, "long"), ctl.signal);
    const next = pool.run((w) => w.wait(5, "next"));
    await expect.poll(() => made[0]?.started).toEqual(["long"]);
    ctl.abort();
    // Terminated in the abort event itself, before any await.
    expect(made[0].terminated).toBe(true);
    await expect(long).rejects.toMatchObject({ name: "AbortError" });
    expect(await next).toBe("next@1");
    await pool.dispose();
    expect(made[1].terminated).toBe(true);
  });

  it("rejects an already aborted call, and every pending call on dispose", async () => {
    const { create } = makeFakes();
    const pool = makePool<Api>(create, 1);
    await expect(pool.run((w) => w.wait(1, "x"), AbortSignal.abort())).rejects.toMatchObject({
      name: "AbortError",
    });
    const running = pool.run((w) => w.wait(10_000, "r"));
    const queued = pool.run((w) => w.wait(1, "q"));
    pool.dispose();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await expect(queued).rejects.toMatchObject({ name: "AbortError" });
  });
});
