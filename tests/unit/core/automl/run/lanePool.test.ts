import { describe, expect, it } from "vitest";
import { makeLanePool } from "../../../../../src/core/automl/run/lanePool.ts";

/** Lanes as plain objects: each task is a promise the test settles by hand, so no clock is involved. */
function makeLanes() {
  const lanes: {
    id: number;
    terminated: boolean;
    tasks: { value: string; done: (v: string) => void; fail: (e: Error) => void }[];
    die: (err: Error) => void;
  }[] = [];
  const spawn = (died: (err: Error) => void) => {
    const lane = {
      id: lanes.length,
      terminated: false,
      tasks: [] as (typeof lanes)[number]["tasks"],
      die: died,
    };
    lanes.push(lane);
    return {
      api: {
        run: (value: string) =>
          new Promise<string>((resolve, reject) =>
            lane.tasks.push({ value, done: (v) => resolve(`${v}@${lane.id}`), fail: reject }),
          ),
      },
      terminate: () => {
        lane.terminated = true;
      },
    };
  };
  return { lanes, spawn };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("makeLanePool", () => {
  it("makes lanes lazily and runs at most `size` tasks at once, the rest in queue order", async () => {
    const { lanes, spawn } = makeLanes();
    const pool = makeLanePool(spawn, 2);
    expect(pool.size).toBe(2);
    expect(lanes).toHaveLength(0);
    const results = ["a", "b", "c"].map((v) => pool.run((api) => api.run(v)));
    await flush();
    expect(lanes.map((l) => l.tasks.map((t) => t.value))).toEqual([["a"], ["b"]]);
    lanes[1].tasks[0].done("b");
    await flush();
    // The queued task goes to the lane that freed first.
    expect(lanes[1].tasks.map((t) => t.value)).toEqual(["b", "c"]);
    lanes[0].tasks[0].done("a");
    lanes[1].tasks[1].done("c");
    expect(await Promise.all(results)).toEqual(["a@0", "b@1", "c@1"]);
    expect(lanes).toHaveLength(2);
  });

  it("drops a queued task on abort, and terminates the lane of a running one", async () => {
    const { lanes, spawn } = makeLanes();
    const pool = makeLanePool(spawn, 1);
    const running = new AbortController();
    const queued = new AbortController();
    const first = pool.run((api) => api.run("first"), running.signal);
    const second = pool.run((api) => api.run("second"), queued.signal);
    const third = pool.run((api) => api.run("third"));
    await flush();
    queued.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    expect(lanes[0].terminated).toBe(false);
    running.abort();
    expect(lanes[0].terminated).toBe(true);
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    await flush();
    // A fresh lane for the next task; the dropped one never ran.
    expect(lanes.map((l) => l.tasks.map((t) => t.value))).toEqual([["first"], ["third"]]);
    lanes[1].tasks[0].done("third");
    expect(await third).toBe("third@1");
  });

  it("fails the task of a lane that dies, and goes on with a fresh lane", async () => {
    const { lanes, spawn } = makeLanes();
    const pool = makeLanePool(spawn, 1);
    const doomed = pool.run((api) => api.run("doomed"));
    const after = pool.run((api) => api.run("after"));
    await flush();
    lanes[0].die(new Error("out of memory"));
    await expect(doomed).rejects.toThrow("out of memory");
    expect(lanes[0].terminated).toBe(true);
    await flush();
    lanes[1].tasks[0].done("after");
    expect(await after).toBe("after@1");
  });

  it("rejects an already aborted call, and every pending call on dispose, ending every lane", async () => {
    const { lanes, spawn } = makeLanes();
    const pool = makeLanePool(spawn, 1);
    await expect(pool.run((api) => api.run("x"), AbortSignal.abort())).rejects.toMatchObject({
      name: "AbortError",
    });
    const running = pool.run((api) => api.run("r"));
    const queued = pool.run((api) => api.run("q"));
    await flush();
    await pool.dispose();
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await expect(queued).rejects.toMatchObject({ name: "AbortError" });
    expect(lanes.every((l) => l.terminated)).toBe(true);
  });
});
